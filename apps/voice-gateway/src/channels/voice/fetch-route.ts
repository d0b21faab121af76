import { randomUUID } from 'node:crypto';
import type { Logger } from '@org/runtime';
import { fetchRequestSchema, secretsEqual, type VoipbinAction } from '@org/voipbin';
import { Hono } from 'hono';
import type { CallEngine } from './call-engine';
import type { ParkingPlace } from './parking';

/** What the fetch route needs. */
export type FetchDependencies = {
  engine: CallEngine;
  logger: Logger;
  /** The secret in the fetch URL; the route answers 404 without one. */
  fetchSecret: string | undefined;
  language: string;
  /** The greeting is in the answer only if ready within this, in ms. Default 800. */
  budgetMs?: number;
  /** Answer no later than this, in ms (VoIPBin's budget for the whole step is ~3 s). Default 2000. */
  placeBudgetMs?: number;
};

/** The actions that put the call in `place`, each with a fresh id. */
function placeActions(place: ParkingPlace): VoipbinAction[] {
  if (place.kind === 'conference') {
    return [
      {
        id: randomUUID(),
        type: 'conference_join',
        option: { conference_id: place.conferenceId },
      },
    ];
  }
  if (place.kind === 'hangup') return [{ id: randomUUID(), type: 'hangup' }];
  // Ten minutes in the flow: the call stays put, and the bot talks over the API.
  return [{ id: randomUUID(), type: 'sleep', option: { duration: 600_000 } }];
}

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
 * `POST /voipbin/fetch/:secret` for the parking flow's `fetch` (HANDOFF.md §1.2): answers 200
 * with a bare JSON array of actions, each with a fresh UUID (SPEC.md §2): the greeting as a
 * `talk` when the call has not been greeted yet, then where the call waits: its own conference
 * (`conference_join`, so that it can be handed to a person), else a 10-minute `sleep`, or
 * `hangup` once it is over. Any failure still answers a `sleep`: a failed fetch hangs up, and
 * an empty answer would make the flow fetch again at once.
 */
export function createFetchRoutes(dependencies: FetchDependencies) {
  const { engine, logger, fetchSecret, language } = dependencies;
  const budgetMs = dependencies.budgetMs ?? 800;
  const placeBudgetMs = dependencies.placeBudgetMs ?? 2000;

  return new Hono().post('/:secret', async (c) => {
    if (!fetchSecret || !secretsEqual(fetchSecret, c.req.param('secret'))) {
      return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }
    const actions: VoipbinAction[] = [];
    let place: ParkingPlace = { kind: 'sleep' };
    try {
      const body = fetchRequestSchema.safeParse(await c.req.json());
      if (body.success) {
        const callId = body.data.reference_id;
        // On time out the engine learns it through the signal and speaks the greeting itself.
        const controller = new AbortController();
        const placing = new AbortController();
        const [greeting, placed] = await Promise.all([
          within(
            engine.greetingForFetch(callId, controller.signal),
            budgetMs,
            undefined,
            controller,
          ),
          within(engine.placeForFetch(callId, placing.signal), placeBudgetMs, place, placing),
        ]);
        place = placed;
        if (greeting)
          actions.push({ id: randomUUID(), type: 'talk', option: { text: greeting, language } });
      } else {
        logger.warn({ issues: body.error.issues.length }, 'fetch request with a bad body');
      }
    } catch (error) {
      logger.error({ err: error }, 'fetch failed: the call waits in a sleep');
    }
    actions.push(...placeActions(place));
    return c.json(actions, 200);
  });
}
