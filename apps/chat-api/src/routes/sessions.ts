import { Hono } from 'hono';
import type { SessionResponseBody } from '../protocol';
import type { Sessions } from '../sessions';

/** What {@link createSessionRoutes} needs. */
export type SessionRouteDependencies = { sessions: Sessions };

/** `POST /sessions`: a new session id, issued and signed by this service. */
export function createSessionRoutes(deps: SessionRouteDependencies) {
  return new Hono().post('/', (c) =>
    c.json({ session_id: deps.sessions.issue() } satisfies SessionResponseBody, 201),
  );
}
