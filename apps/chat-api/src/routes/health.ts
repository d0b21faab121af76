import { AiCoreError } from '@org/ai-core';
import { Hono } from 'hono';
import type { RouteDependencies } from '../app';

/** `GET /healthz` (the process answers) and `GET /readyz` (the history store is reachable). */
export function createHealthRoutes(deps: RouteDependencies) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      try {
        await deps.history.ping();
      } catch (error) {
        throw AiCoreError.isInstance(error)
          ? error
          : new AiCoreError('history_unavailable', {
              message: 'History ping failed',
              cause: error,
            });
      }
      return c.json({ ok: true });
    });
}
