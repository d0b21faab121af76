import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { nilUuid } from '../wire';
import { type ApiErrorStatus, apiError } from './api-error';
import { type CallsApiHooks, createCallsApi } from './calls-api';
import type { Conferences } from './conferences';
import { createConferencesApi } from './conferences-api';
import { createConversationsApi } from './conversations-api';
import { transcribeResource } from './events';
import type { SimulatedFlow, SimulatedSpeaking, SimulatorState } from './state';
import type { Texting } from './texting';

/** What the API does beyond its state. */
export type SimulatorApiHooks = CallsApiHooks & {
  conferences: Conferences;
  /** Conversations and SMS. */
  texting: Texting;
};

/**
 * The VoIPBin REST endpoints a gateway and `voipbin:setup` use, on in-memory state: every
 * request is recorded, checked for the access key, then subject to the scripted faults.
 */
export function createSimulatorApi(state: SimulatorState, hooks: SimulatorApiHooks) {
  const withIds = (actions: SimulatedFlow['actions']) =>
    actions.map((action) => ({
      ...action,
      id: action.id ?? randomUUID(),
      next_id: action.next_id ?? nilUuid,
    }));

  const api = new Hono();
  api.use('*', async (c, next) => {
    const body = c.req.method === 'GET' ? undefined : await c.req.json().catch(() => undefined);
    const path = c.req.path.replace(/^\/v1\.0/, '');
    state.requests.push({ method: c.req.method, path, body, at: Date.now() });
    if (state.accessKey && c.req.query('accesskey') !== state.accessKey) {
      return apiError(c, 401, 'unauthenticated');
    }
    const fault = state.faults.find(
      (candidate) =>
        (!candidate.method || candidate.method === c.req.method) && candidate.path.test(path),
    );
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0)
        state.faults.splice(state.faults.indexOf(fault), 1);
      // The body was read above, so after the delay the handler still acts when the client gave
      // up waiting (a late side effect, as on VoIPBin) even if the answer is never sent.
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status) return apiError(c, fault.status as ApiErrorStatus, 'simulated fault');
    }
    await next();
  });

  const speakingOf = (c: Context): SimulatedSpeaking | undefined =>
    state.speakings.get(c.req.param('id') ?? '');

  return api
    .get('/customer', (c) => c.json(state.customer))
    .put('/customer', async (c) => {
      const body = (await c.req.json()) as Partial<SimulatorState['customer']>;
      const {
        webhook_secret: _ignored,
        id: _id,
        identity_verification_status: _identity,
        ...changes
      } = body;
      Object.assign(state.customer, changes);
      return c.json(state.customer);
    })
    .get('/outbound_config', (c) => c.json(state.outboundConfig))
    .get('/billing_account', (c) => c.json(state.billingAccount))
    .get('/flows', (c) => c.json({ result: [...state.flows.values()], next_page_token: '' }))
    .post('/flows', async (c) => {
      const body = (await c.req.json()) as Omit<SimulatedFlow, 'id' | 'customer_id' | 'type'>;
      const flow: SimulatedFlow = {
        id: randomUUID(),
        customer_id: state.customer.id,
        type: 'flow',
        name: body.name,
        detail: body.detail,
        actions: withIds(body.actions ?? []),
      };
      state.flows.set(flow.id, flow);
      return c.json(flow);
    })
    .get('/flows/:id', (c) => {
      const flow = state.flows.get(c.req.param('id'));
      return flow ? c.json(flow) : apiError(c, 404, 'flow not found');
    })
    .put('/flows/:id', async (c) => {
      const flow = state.flows.get(c.req.param('id'));
      if (!flow) return apiError(c, 404, 'flow not found');
      const body = (await c.req.json()) as Partial<SimulatedFlow>;
      Object.assign(flow, {
        name: body.name ?? flow.name,
        detail: body.detail ?? flow.detail,
        actions: withIds(body.actions ?? flow.actions),
      });
      return c.json(flow);
    })
    .get('/numbers', (c) => c.json({ result: [...state.numbers.values()], next_page_token: '' }))
    .put('/numbers/:id/flow_ids', async (c) => {
      const number = state.numbers.get(c.req.param('id'));
      if (!number) return apiError(c, 404, 'number not found');
      const body = (await c.req.json()) as { call_flow_id?: string; message_flow_id?: string };
      number.call_flow_id = body.call_flow_id ?? number.call_flow_id;
      number.message_flow_id = body.message_flow_id ?? number.message_flow_id;
      return c.json(number);
    })
    .get('/transcribes/:id', (c) => {
      const call = [...state.calls.values()].find(
        (candidate) => candidate.context.transcribeId === c.req.param('id'),
      );
      if (!call) return apiError(c, 404, 'transcribe not found');
      return c.json(transcribeResource(call.context, 'progressing', new Date()));
    })
    .get('/speakings', (c) =>
      c.json({
        result: [...state.speakings.values()].filter(
          (speaking) => speaking.customer_id === state.customer.id,
        ),
        next_page_token: '',
      }),
    )
    .post('/speakings', async (c) => {
      const body = (await c.req.json()) as Partial<SimulatedSpeaking>;
      const call = state.calls.get(body.reference_id ?? '');
      if (body.reference_type !== 'call' || !call || call.status !== 'progressing') {
        return apiError(c, 400, 'call is not progressing');
      }
      const active = [...state.speakings.values()].some(
        (speaking) => speaking.reference_id === body.reference_id && speaking.status === 'active',
      );
      if (active) return apiError(c, 400, 'the call already has an active speaking session');
      const speaking: SimulatedSpeaking = {
        id: randomUUID(),
        customer_id: state.customer.id,
        reference_type: 'call',
        reference_id: call.context.callId,
        language: body.language ?? 'en-US',
        provider: body.provider ?? 'elevenlabs',
        voice_id: body.voice_id ?? '',
        direction: body.direction ?? '',
        status: 'active',
      };
      state.speakings.set(speaking.id, speaking);
      hooks.changed();
      return c.json(speaking, 201);
    })
    .post('/speakings/:id/say', async (c) => {
      const speaking = speakingOf(c);
      if (!speaking) return apiError(c, 404, 'speaking not found');
      if (speaking.status !== 'active') return apiError(c, 400, 'speaking is not active');
      const { text } = (await c.req.json()) as { text?: string };
      if (!text || text.length > 5000) return apiError(c, 400, 'text must be 1-5000 characters');
      state.spoken.push({ callId: speaking.reference_id, text, via: 'speaking', at: Date.now() });
      hooks.changed();
      return c.json(speaking);
    })
    .post('/speakings/:id/flush', (c) => {
      const speaking = speakingOf(c);
      if (!speaking) return apiError(c, 404, 'speaking not found');
      state.flushes.push({
        callId: speaking.reference_id,
        speakingId: speaking.id,
        at: Date.now(),
      });
      hooks.changed();
      return c.json(speaking);
    })
    .post('/speakings/:id/stop', (c) => {
      const speaking = speakingOf(c);
      if (!speaking) return apiError(c, 404, 'speaking not found');
      speaking.status = 'stopped';
      hooks.changed();
      return c.json(speaking);
    })
    .route('/', createCallsApi(state, hooks))
    .route('/', createConferencesApi(state, hooks.conferences))
    .route('/', createConversationsApi(state, hooks.texting));
}
