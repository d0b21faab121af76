import { randomUUID } from 'node:crypto';
import type { Logger } from '@org/runtime';
import { VoipbinApiError, type VoipbinClient } from '@org/voipbin';
import type { StateStore } from '../../state/state-store';
import { type CallStates, keys, type ParkedConference } from './call-state';

/** Options for {@link createParking}. */
export type ParkingOptions = {
  voipbin: VoipbinClient;
  store: StateStore;
  states: CallStates;
  logger: Logger;
  /** Whether calls get a conference at all (only worth a plan slot when a person can be called). */
  enabled: boolean;
  ttlMs: number;
};

/** Where a fetch of the parking flow sends the call next. */
export type ParkingPlace =
  /** Into its own conference: the caller can be handed to a person. */
  | { kind: 'conference'; conferenceId: string }
  /** A long sleep: no conference (none wanted, the plan's limit, or not ready in time). */
  | { kind: 'sleep' }
  /** The call is over. */
  | { kind: 'hangup' };

/**
 * Each call's own conference (HANDOFF.md §1.2, §6.2): created in the background when the call
 * comes in, the caller parked in it by the parking flow's fetch, deleted when the call ends
 * (conferences count against the plan). State lives in the store, so any instance can answer
 * the fetch or end the call.
 */
export type Parking = {
  /** Starts creating the call's conference, once for the call whichever instance asks first. */
  prepare(callId: string): Promise<void>;
  /** For a fetch: where the call goes, waiting at most `waitMs` for the conference. */
  placeFor(callId: string, waitMs: number, signal?: AbortSignal): Promise<ParkingPlace>;
  /**
   * The conference the caller is parked in, if any. With `waitMs`, a call whose conference is
   * still on its way (created, not joined yet: the first moments of a call) is waited for.
   */
  parkedIn(callId: string, waitMs?: number): Promise<string | undefined>;
  /** Deletes the call's conference (the call ended). Never throws. */
  end(callId: string): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createParking(options: ParkingOptions): Parking {
  const { voipbin, store, states, logger, enabled, ttlMs } = options;
  // Creations this instance runs, to await them without polling the store.
  const creating = new Map<string, Promise<void>>();

  async function remove(callId: string, conferenceId: string): Promise<void> {
    try {
      await voipbin.conferences.delete(conferenceId);
    } catch (error) {
      // 404: never created, or gone already (its own timeout).
      if (error instanceof VoipbinApiError && error.status === 404) return;
      logger.warn({ callId, conferenceId, err: error }, 'could not delete the call conference');
    }
  }

  async function create(callId: string, conferenceId: string): Promise<void> {
    let status: ParkedConference['status'] = 'ready';
    try {
      await voipbin.conferences.create({
        id: conferenceId,
        type: 'conference',
        name: `park ${callId}`,
        timeout: 7200,
      });
    } catch (error) {
      status = 'failed';
      // The id is ours: after a create that may have happened (VoIPBin's plan limit is a 500
      // too), the conference itself says.
      if (!(error instanceof VoipbinApiError) || error.mayHaveTakenEffect) {
        const found = await voipbin.conferences.get(conferenceId).catch(() => undefined);
        if (found?.status === 'progressing') status = 'ready';
      }
      if (status === 'failed') {
        logger.warn({ callId, err: error }, 'no conference for the call: it cannot be handed off');
      }
    }
    if (await states.ended(callId)) {
      if (status === 'ready') await remove(callId, conferenceId);
      return;
    }
    await store.set(keys.conference(callId), { id: conferenceId, status }, ttlMs);
  }

  async function prepare(callId: string): Promise<void> {
    if (!enabled || creating.has(callId)) return;
    const conferenceId = randomUUID();
    const record: ParkedConference = { id: conferenceId, status: 'creating' };
    if (!(await store.claim(keys.conference(callId), ttlMs, record))) return;
    const run = create(callId, conferenceId).finally(() => creating.delete(callId));
    creating.set(callId, run);
    await run;
  }

  /** The conference once it is no longer being created, or the latest record after `waitMs`. */
  async function settledRecord(callId: string, waitMs: number, signal?: AbortSignal) {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const record = await store.get<ParkedConference>(keys.conference(callId));
      if (record?.status !== 'creating' || Date.now() >= deadline || signal?.aborted) return record;
      const local = creating.get(callId);
      const left = deadline - Date.now();
      await (local ? Promise.race([local, sleep(left)]) : sleep(Math.min(25, left)));
    }
  }

  return {
    prepare: (callId) =>
      prepare(callId).catch((error: unknown) => {
        logger.error({ callId, err: error }, 'could not prepare the call conference');
      }),

    async placeFor(callId, waitMs, signal) {
      if (await states.ended(callId)) return { kind: 'hangup' };
      if (!enabled) return { kind: 'sleep' };
      // The fetch may come before the call's webhooks: it starts the creation itself if needed.
      void prepare(callId).catch(() => {});
      const record = await settledRecord(callId, waitMs, signal);
      if (record?.status !== 'ready') return { kind: 'sleep' };
      if ((await store.get<string>(keys.parkedIn(callId))) === record.id) {
        // Fetched again while parked: the call was kicked out, most likely because the
        // conference is gone (its timeout). Rejoining a deleted one would hang the call up.
        const conference = await voipbin.conferences.get(record.id).catch(() => undefined);
        if (conference?.status !== 'progressing') {
          await store.delete(keys.parkedIn(callId));
          return { kind: 'sleep' };
        }
      }
      await store.set(keys.parkedIn(callId), record.id, ttlMs);
      return { kind: 'conference', conferenceId: record.id };
    },

    async parkedIn(callId, waitMs = 0) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const parked = await store.get<string>(keys.parkedIn(callId));
        if (parked || Date.now() >= deadline) return parked;
        const record = await store.get<ParkedConference>(keys.conference(callId));
        if (!record || record.status === 'failed' || (await states.ended(callId))) return undefined;
        await sleep(Math.min(50, deadline - Date.now()));
      }
    },

    async end(callId) {
      const record = await store.get<ParkedConference>(keys.conference(callId));
      // One still being created may not exist yet (404): its creator deletes it once it sees the
      // call ended.
      if (record && record.status !== 'failed') await remove(callId, record.id);
    },
  };
}
