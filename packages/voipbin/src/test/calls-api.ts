import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionSchema, type VoipbinAction } from '../actions';
import { isNilId } from '../wire';
import { apiError, readObject } from './api-error';
import type { HumanLegs } from './human-legs';
import type { SimulatorState } from './state';

/** What `/calls` does beyond the state. */
export type CallsApiHooks = {
  /** Something was said, or music on hold changed (wakes `waitUntil`). */
  changed: () => void;
  /** `POST /calls/{id}/hangup` of a call played by `startCall` (`hangup_by: local`). */
  hangup: (callId: string) => Promise<void>;
  /** The legs `POST /calls` dials. */
  humans: HumanLegs;
};

const targetOf = (address: unknown): string | undefined => {
  const target = (address as { target?: unknown } | null)?.target;
  return typeof target === 'string' && target !== '' ? target : undefined;
};

/**
 * `/calls` (SPEC.md §6, HANDOFF.md §1.3): dial a person (`POST /calls`), talk, music on hold
 * and hang up, on the simulated calls and on the legs dialed.
 */
export function createCallsApi(state: SimulatorState, hooks: CallsApiHooks) {
  /** The status of a simulated call or dialed leg, if it exists. */
  const statusOf = (c: Context) => {
    const id = c.req.param('id') ?? '';
    return state.calls.get(id)?.status ?? state.outboundCalls.get(id)?.status;
  };

  return new Hono()
    .post('/calls', async (c) => {
      const body = await readObject(c);
      const source = targetOf(body?.source);
      const destinations = (Array.isArray(body?.destinations) ? body.destinations : []).map(
        targetOf,
      );
      if (!body || !source || destinations.length === 0 || destinations.includes(undefined)) {
        return apiError(c, 400, 'source and destinations (each with a target) are required');
      }
      const ours = [...state.numbers.values()].some(
        (number) =>
          number.number === source && number.type === 'normal' && number.status === 'active',
      );
      if (!ours)
        return apiError(c, 400, "source must be one of the account's active normal numbers");
      let actions: VoipbinAction[];
      if (typeof body.flow_id === 'string' && !isNilId(body.flow_id)) {
        const flow = state.flows.get(body.flow_id);
        if (!flow) return apiError(c, 404, 'flow not found');
        actions = flow.actions;
      } else {
        const parsed = actionSchema.array().min(1).safeParse(body.actions);
        if (!parsed.success) return apiError(c, 400, 'actions or flow_id is required');
        actions = parsed.data;
      }
      const calls = (destinations as string[]).map((destination) =>
        hooks.humans.dial({ source, destination, actions }),
      );
      return c.json({ calls, groupcalls: [] });
    })
    .post('/calls/:id/talk', async (c) => {
      const call = state.calls.get(c.req.param('id'));
      if (!call) return apiError(c, 404, 'call not found');
      if (call.status !== 'progressing') return apiError(c, 409, 'call is not progressing');
      const { text } = (await c.req.json()) as { text?: string };
      if (!text) return apiError(c, 400, 'text is required');
      state.spoken.push({ callId: call.context.callId, text, via: 'talk', at: Date.now() });
      hooks.changed();
      return c.json({});
    })
    .post('/calls/:id/hangup', async (c) => {
      const id = c.req.param('id');
      if (state.calls.has(id)) await hooks.hangup(id);
      else if (state.outboundCalls.has(id)) await hooks.humans.hangupByApi(id);
      else return apiError(c, 404, 'call not found');
      return c.json({ id, status: statusOf(c) });
    })
    .on(['POST', 'DELETE'], '/calls/:id/moh', (c) => {
      const status = statusOf(c);
      if (!status) return apiError(c, 404, 'call not found');
      if (status !== 'progressing') return apiError(c, 409, 'call is not progressing');
      const on = c.req.method === 'POST';
      state.musicOnHold.push({ callId: c.req.param('id') ?? '', on, at: Date.now() });
      hooks.changed();
      return c.json({});
    });
}
