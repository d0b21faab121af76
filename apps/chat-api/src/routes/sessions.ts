import { Hono } from 'hono';
import type { RouteDependencies } from '../app';

/** `POST /sessions`: a new session id, issued and signed by this service. */
export function createSessionRoutes(deps: RouteDependencies) {
  return new Hono().post('/', (c) => c.json({ session_id: deps.sessions.issue() }, 201));
}
