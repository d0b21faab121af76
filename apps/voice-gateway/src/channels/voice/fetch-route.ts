import { randomUUID } from 'node:crypto';
import type { Logger } from '@org/runtime';
import { fetchRequestSchema, secretsEqual, type VoipbinAction } from '@org/voipbin';
import { Hono } from 'hono';
import type { CallEngine } from './call-engine';

/** What the fetch route needs. */
export type FetchDependencies = {
  engine: CallEngine;
  logger: Logger;
  /** The secret in the fetch URL; the route answers 404 without one. */
  fetchSecret: string | undefined;
  language: string;
  /** Answer no later than this, in ms (VoIPBin's budget for the whole step is ~3 s). */
  budgetMs?: number;
};

/** `promise`, or `fallback` after `ms`; `controller` is aborted at that moment, in the same tick. */
function within<T>(promise: Promise<T>, ms: number, fallback: T, controller: AbortController) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(fallback);
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * `POST /voipbin/fetch/:secret` for a `fetch` flow action: answers 200 with a bare JSON array
 * of actions, each with a fresh UUID (SPEC.md §2): the greeting as a `talk` when the call has
 * not been greeted yet, else `[]`. Any failure still answers `[]`, since a failed fetch hangs up.
 */
export function createFetchRoutes(dependencies: FetchDependencies) {
  const { engine, logger, fetchSecret, language } = dependencies;
  const budgetMs = dependencies.budgetMs ?? 800;

  return new Hono().post('/:secret', async (c) => {
    if (!fetchSecret || !secretsEqual(fetchSecret, c.req.param('secret'))) {
      return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }
    const actions: VoipbinAction[] = [];
    try {
      const body = fetchRequestSchema.safeParse(await c.req.json());
      if (body.success) {
        const callId = body.data.reference_id;
        // On time out the engine learns it through the signal and speaks the greeting itself.
        const controller = new AbortController();
        const pending = engine.greetingForFetch(callId, controller.signal);
        const greeting = await within(pending, budgetMs, undefined, controller);
        if (greeting)
          actions.push({ id: randomUUID(), type: 'talk', option: { text: greeting, language } });
      } else {
        logger.warn({ issues: body.error.issues.length }, 'fetch request with a bad body');
      }
    } catch (error) {
      logger.error({ err: error }, 'fetch failed: answering no actions');
    }
    return c.json(actions, 200);
  });
}
