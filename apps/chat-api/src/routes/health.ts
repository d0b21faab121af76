import { AiCoreError, type HistoryStore } from '@org/ai-core';
import { Hono } from 'hono';
import type { HealthResponseBody } from '../protocol';

/** What {@link createHealthRoutes} needs: the store `/readyz` pings. */
export type HealthRouteDependencies = { history: HistoryStore };

/** `GET /healthz` (the process answers) and `GET /readyz` (the history store is reachable). */
export function createHealthRoutes(deps: HealthRouteDependencies) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true } satisfies HealthResponseBody))
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
      return c.json({ ok: true } satisfies HealthResponseBody);
    });
}
