import { type Context, Hono } from 'hono';
import { conferenceLimits } from '../client/account';
import { apiError, readObject } from './api-error';
import type { Conferences } from './conferences';
import type { SimulatorState } from './state';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * `/conferences` (HANDOFF.md §1.2): create (within the plan's limit), list, read and delete
 * conferences.
 */
export function createConferencesApi(state: SimulatorState, conferences: Conferences) {
  const idOf = (c: Context) => c.req.param('id') ?? '';
  return new Hono()
    .post('/conferences', async (c) => {
      const body = await readObject(c);
      const type = text(body?.type);
      if (!body || !['', 'conference', 'connect'].includes(type)) {
        return apiError(c, 400, 'type must be conference or connect');
      }
      const limit = conferenceLimits[state.billingAccount.plan_type];
      const open = [...state.conferences.values()].filter((one) => one.status !== 'terminated');
      // As VoIPBin: the plan's limit counts undeleted conferences; the error is a plain 500.
      if (limit !== undefined && open.length >= limit) {
        return apiError(c, 500, 'resource limit exceeded');
      }
      const timeout = typeof body.timeout === 'number' ? body.timeout : 0;
      const data = typeof body.data === 'object' && body.data !== null ? body.data : {};
      const conference = conferences.create({
        id: text(body.id) || undefined,
        type,
        name: text(body.name),
        detail: text(body.detail),
        timeout,
        data: data as Record<string, unknown>,
        pre_flow_id: text(body.pre_flow_id),
        post_flow_id: text(body.post_flow_id),
      });
      // A taken id: VoIPBin's insert fails; the simulator answers 409.
      return conference ? c.json(conference) : apiError(c, 409, 'conference id already exists');
    })
    .get('/conferences', (c) =>
      c.json({ result: [...state.conferences.values()], next_page_token: '' }),
    )
    .get('/conferences/:id', (c) => {
      const conference = state.conferences.get(idOf(c));
      return conference ? c.json(conference) : apiError(c, 404, 'conference not found');
    })
    .delete('/conferences/:id', (c) => {
      const conference = conferences.remove(idOf(c));
      return conference ? c.json(conference) : apiError(c, 404, 'conference not found');
    });
}
