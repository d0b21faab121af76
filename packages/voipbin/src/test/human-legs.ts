import { randomUUID } from 'node:crypto';
import type { VoipbinAction } from '../actions';
import { nilUuid } from '../wire';
import { aborted, type Background, pause } from './background';
import type { Conferences, Participation } from './conferences';
import { type CallParties, callEvent, goTime } from './events';
import { runFlowActions } from './flow-actions';
import type { HumanOutcome, SimulatedOutboundCall, SimulatorState } from './state';

/** A leg dialed by `POST /calls`, driven from the person's side. */
export type SimulatedHumanLeg = {
  readonly id: string;
  /** The leg as `state.outboundCalls` holds it, kept up to date. */
  readonly record: SimulatedOutboundCall;
  /** The person picks up now (a leg scripted to `ring`). Resolves once `call_progressing` is out. */
  answer(): Promise<void>;
  /**
   * The person hangs up: while ringing, a rejection (`noanswer`); once answered, they leave the
   * conference (`call_hangup`, `hangup_by: remote`, then `conference_updated`).
   */
  hangup(): Promise<void>;
};

/** Who answers the legs `POST /calls` dials. */
export type Humans = {
  /** Scripts the next dialed leg (first in, first used); unscripted legs get the default. */
  next(outcome: HumanOutcome, options?: { ringMs?: number }): void;
  /** Every leg dialed so far, in order. */
  legs(): SimulatedHumanLeg[];
  /** Resolves once `count` legs were dialed. */
  waitForLegs(count: number, timeoutMs?: number): Promise<SimulatedHumanLeg[]>;
};

/** What dialing a leg needs. */
export type HumanLegsOptions = {
  state: SimulatorState;
  conferences: Conferences;
  background: Background;
  clock: () => Date;
  changed: () => void;
  waitUntil(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** For unscripted legs. Default `answer` after 50 ms of ringing. */
  defaults?: { outcome?: HumanOutcome; ringMs?: number };
};

type Decision = 'answer' | 'noanswer' | 'busy' | 'failed' | 'cancel';

/** The person's side of `POST /calls`, and the `/calls` operations on its legs. */
export type HumanLegs = Humans & {
  /** `POST /calls`, one destination: the leg as the answer lists it; it then plays in the background. */
  dial(input: {
    source: string;
    destination: string;
    actions: VoipbinAction[];
  }): Record<string, unknown>;
  /** `POST /calls/{id}/hangup`: a ringing leg is cancelled, an answered one hung up. */
  hangupByApi(callId: string): Promise<void>;
};

/** Legs dialed by `POST /calls`, played as HANDOFF.md §1.3 describes. */
export function createHumanLegs(options: HumanLegsOptions): HumanLegs {
  const { state, conferences, background, clock, changed } = options;
  const scripts: { outcome: HumanOutcome; ringMs?: number }[] = [];
  const legs = new Map<string, SimulatedHumanLeg & { cancel(): Promise<void> }>();

  function dial(input: { source: string; destination: string; actions: VoipbinAction[] }) {
    const script: { outcome?: HumanOutcome; ringMs?: number } = scripts.shift() ?? {};
    const outcome = script.outcome ?? options.defaults?.outcome ?? 'answer';
    const ringMs = script.ringMs ?? options.defaults?.ringMs ?? 50;
    const record: SimulatedOutboundCall = {
      id: randomUUID(),
      source: input.source,
      destination: input.destination,
      actions: input.actions,
      outcome,
      status: 'dialing',
      heard: [],
      conferenceId: undefined,
      answeredAt: undefined,
      hangupBy: undefined,
      hangupReason: undefined,
    };
    const parties: CallParties = {
      customerId: state.customer.id,
      callId: record.id,
      activeflowId: randomUUID(),
      flowId: randomUUID(),
      from: input.source,
      to: input.destination,
    };
    const times = {
      create: goTime(clock()),
      ringing: null as string | null,
      answered: null as string | null,
    };
    const event = (type: string, extra: Record<string, unknown> = {}) =>
      callEvent(parties, type, record.status, clock(), {
        direction: 'outgoing',
        tm_create: times.create,
        tm_ringing: times.ringing,
        tm_progressing: times.answered,
        ...extra,
      });

    const over = new AbortController();
    const signal = AbortSignal.any([over.signal, background.signal]);
    let decide: (decision: Decision) => void = () => {};
    const decided = new Promise<Decision>((resolve) => {
      decide = resolve;
    });
    let participation: Participation | undefined;
    let answered: () => void = () => {};
    const progressing = new Promise<void>((resolve) => {
      answered = resolve;
    });

    async function end(by: 'local' | 'remote', reason: string) {
      if (record.status === 'hangup') return;
      record.status = 'hangup';
      record.hangupBy = by;
      record.hangupReason = reason;
      // Taken before the abort, which ends the flow's wait in the conference.
      const left = participation;
      participation = undefined;
      record.conferenceId = undefined;
      over.abort();
      changed();
      await background.post([
        event('call_hangup', { hangup_by: by, hangup_reason: reason, tm_hangup: goTime(clock()) }),
      ]);
      await left?.leave();
    }

    async function play() {
      const dialing = [event('call_created'), event('call_dialing')];
      record.status = 'ringing';
      times.ringing = goTime(clock());
      changed();
      await background.post([...dialing, event('call_ringing')]);
      // Ring until decided: by the script after `ringMs`, or by answer(), hangup() or the API.
      const ringing = new AbortController();
      const stop = AbortSignal.any([signal, ringing.signal]);
      const scripted =
        outcome === 'ring'
          ? new Promise<undefined>((resolve) =>
              stop.addEventListener('abort', () => resolve(undefined), { once: true }),
            )
          : pause(ringMs, stop).then(() => (stop.aborted ? undefined : outcome));
      const decision = await Promise.race([decided, scripted]);
      ringing.abort();
      if (!decision || signal.aborted) return;
      if (decision !== 'answer') {
        return end(decision === 'cancel' ? 'local' : 'remote', decision);
      }
      record.status = 'progressing';
      record.answeredAt = Date.now();
      times.answered = goTime(clock());
      changed();
      await background.post([event('call_progressing')]);
      answered();
      const result = await runFlowActions(
        record.actions,
        {
          talk(text) {
            record.heard.push(text);
            changed();
          },
          async joinConference(conferenceId) {
            const joined = conferences.join(conferenceId, (confbridgeId) => {
              const action = {
                id: randomUUID(),
                next_id: nilUuid,
                type: 'confbridge_join',
                option: { confbridge_id: confbridgeId },
              };
              void background.post([event('call_updated', { action })]);
            });
            if (!joined) return false;
            participation = joined;
            record.conferenceId = conferenceId;
            changed();
            await Promise.race([joined.out, aborted(signal)]);
            if (participation === joined) {
              participation = undefined;
              record.conferenceId = undefined;
            }
            changed();
            return true;
          },
          hangup: () => end('local', 'normal'),
        },
        signal,
      );
      // The leg's flow ran out (e.g. kicked out of a deleted conference): VoIPBin hangs it up.
      if (result === 'done') await end('local', 'normal');
    }

    const answer = event('call_created').data;
    const played = play().finally(answered);
    background.run(played);
    const leg = {
      id: record.id,
      record,
      async answer() {
        decide('answer');
        await progressing;
      },
      async hangup() {
        if (record.status === 'progressing') await end('remote', 'normal');
        else decide('noanswer');
        await played;
      },
      async cancel() {
        if (record.status === 'progressing') await end('local', 'normal');
        else decide('cancel');
        await played;
      },
    };
    legs.set(record.id, leg);
    state.outboundCalls.set(record.id, record);
    changed();
    return answer;
  }

  return {
    dial,
    async hangupByApi(callId) {
      await legs.get(callId)?.cancel();
    },
    next(outcome, nextOptions = {}) {
      scripts.push({ outcome, ringMs: nextOptions.ringMs });
    },
    legs: () => [...legs.values()],
    async waitForLegs(count, timeoutMs) {
      await options.waitUntil(() => legs.size >= count, timeoutMs, `${count} dialed leg(s)`);
      return [...legs.values()];
    },
  };
}
