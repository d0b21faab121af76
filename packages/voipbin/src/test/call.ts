import { randomUUID } from 'node:crypto';
import { nilUuid } from '../wire';
import { aborted, type Background } from './background';
import type { Conferences, Participation } from './conferences';
import {
  type CallContext,
  callEvent,
  type Envelope,
  goTime,
  speechEvent,
  transcribeEvent,
  transcriptEvent,
} from './events';
import { runParkingFlow } from './fetch-loop';
import type { FetchRecord, SimulatorState, SpokenLine } from './state';
import type { DeliveryOptions } from './webhooks';

/** Options for `Simulator.startCall`. */
export type StartCallOptions = {
  from?: string;
  to?: string;
  language?: string;
  /** When `transcribe_created` is delivered: with the answer (default), after the first utterance, or never. */
  transcribeCreated?: 'normal' | 'late' | 'never';
  /** How this call's webhooks are delivered (default: the simulator's `delivery`). */
  delivery?: DeliveryOptions;
  /**
   * Plays parking flow v2 (HANDOFF.md §1.2) after the answer: 200 ms later the simulator POSTs
   * `{ activeflow_id, reference_id }` to this URL (`${voipbin.call.id}` substituted) and runs the
   * bare array of actions it answers (`talk`, `conference_join`, `sleep`, `hangup`); a kick out
   * of the conference fetches again. Default: no fetch, the call stays parked.
   */
  fetchUrl?: string;
  /** The flow's `goto` `loop_count`: fetches after the first, then the flow hangs up. Default 10. */
  fetchLoops?: number;
};

/** Options for {@link SimulatedCall.say}. */
export type SayOptions = {
  /** The final segments STT produces for this utterance. Default: the whole text as one. */
  segments?: string[];
  delivery?: DeliveryOptions;
};

/** A call in progress, driven from the caller's side. */
export type SimulatedCall = {
  readonly id: string;
  readonly transcribeId: string;
  /** The caller says `text`: speech started, interim, speech ended, transcript, per segment. */
  say(text: string, options?: SayOptions): Promise<void>;
  /** Delivers this call's `transcribe_created` now (e.g. late, after `transcribeCreated: 'never'`). */
  announceTranscribe(): Promise<void>;
  /** The caller hangs up (and leaves its conference: `conference_updated`). */
  hangup(): Promise<void>;
  /** What the bot said to this call so far (`talk` actions of fetch answers included). */
  lines(): SpokenLine[];
  /** Resolves once the bot said `count` lines to this call. */
  waitForLines(count: number, timeoutMs?: number): Promise<SpokenLine[]>;
  /** The conference the call is in now (joined by a fetch answer). */
  conferenceId(): string | undefined;
  /** Resolves with the conference once the call is in one. */
  waitForConference(timeoutMs?: number): Promise<string>;
  /** This call's parking-flow fetches so far. */
  fetches(): FetchRecord[];
};

/** What a call needs from the simulator. */
export type CallDependencies = {
  state: SimulatorState;
  simulator: {
    delivery: DeliveryOptions;
    deliver(envelopes: Envelope[], options?: DeliveryOptions): Promise<void>;
    waitUntil(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  };
  /** Keeps the call, so that `POST /calls/{id}/hangup` can hang it up (`hangup_by: local`). */
  register(callId: string, hangup: (by: 'local' | 'remote') => Promise<void>): void;
  conferences: Conferences;
  background: Background;
  /** Something changed that `waitUntil` may wait for. */
  changed: () => void;
};

/**
 * Rings and answers a call (`call_created`, `call_progressing`, `transcribe_created`), then
 * hands it over to be driven from the caller's side.
 */
export async function startSimulatedCall(
  dependencies: CallDependencies,
  callOptions: StartCallOptions = {},
): Promise<SimulatedCall> {
  const { state, simulator, register, conferences, background, changed } = dependencies;
  const context: CallContext = {
    customerId: state.customer.id,
    callId: randomUUID(),
    activeflowId: randomUUID(),
    flowId: randomUUID(),
    transcribeId: randomUUID(),
    streamingId: randomUUID(),
    from: callOptions.from ?? '+15557654321',
    to: callOptions.to ?? [...state.numbers.values()][0]?.number ?? '+15550100',
    language: callOptions.language ?? 'en-US',
  };
  const record = { context, status: 'ringing' };
  state.calls.set(context.callId, record);
  const delivery = () => callOptions.delivery ?? simulator.delivery;
  const started = Date.now();
  let transcribePending = callOptions.transcribeCreated === 'late';
  const transcribeCreated = () =>
    transcribeEvent(context, 'transcribe_created', 'progressing', new Date());

  await simulator.deliver([callEvent(context, 'call_created', 'ringing', new Date())], delivery());
  record.status = 'progressing';
  const answered = new Date();
  const answer = callEvent(context, 'call_progressing', 'progressing', answered, {
    tm_progressing: goTime(answered),
  });
  const opening = callOptions.transcribeCreated ?? 'normal';
  await simulator.deliver(
    opening === 'normal' ? [answer, transcribeCreated()] : [answer],
    delivery(),
  );

  const ended = new AbortController();
  let participation: Participation | undefined;
  /** `call_updated` as the call enters its conference's bridge (HANDOFF.md §1.3). */
  const bridged = (confbridgeId: string) =>
    callEvent(context, 'call_updated', 'progressing', new Date(), {
      action: {
        id: randomUUID(),
        next_id: nilUuid,
        type: 'confbridge_join',
        option: { confbridge_id: confbridgeId },
      },
    });

  /** The call ends: hung up by the caller (`remote`), or by VoIPBin (`local`: REST, flow). */
  async function end(by: 'local' | 'remote') {
    if (record.status === 'hangup') return;
    record.status = 'hangup';
    // Taken before the abort, which ends the flow's wait in the conference.
    const left = participation;
    participation = undefined;
    ended.abort();
    const at = new Date();
    await simulator.deliver(
      [
        callEvent(context, 'call_hangup', 'hangup', at, {
          hangup_by: by,
          hangup_reason: 'normal',
          tm_hangup: goTime(at),
        }),
        transcribeEvent(context, 'transcribe_done', 'done', at),
      ],
      delivery(),
    );
    await left?.leave();
  }

  const call: SimulatedCall = {
    id: context.callId,
    transcribeId: context.transcribeId,
    async say(text, sayOptions = {}) {
      const segments = sayOptions.segments ?? [text];
      const events: Envelope[] = [];
      let time = Date.now();
      for (const segment of segments) {
        const words = segment.split(/\s+/);
        const at = () => {
          time += 50;
          return new Date(time);
        };
        events.push(speechEvent(context, 'transcribe_speech_started', at()));
        const partial = words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(' ');
        events.push(speechEvent(context, 'transcribe_speech_interim', at(), partial));
        events.push(speechEvent(context, 'transcribe_speech_ended', at()));
        events.push(transcriptEvent(context, segment, at(), time - started));
      }
      await simulator.deliver(events, sayOptions.delivery ?? delivery());
      if (transcribePending) {
        transcribePending = false;
        await simulator.deliver([transcribeCreated()], delivery());
      }
    },
    async announceTranscribe() {
      transcribePending = false;
      await simulator.deliver([transcribeCreated()], delivery());
    },
    hangup: () => end('remote'),
    lines: () => state.spoken.filter((line) => line.callId === context.callId),
    async waitForLines(count, timeoutMs) {
      await simulator.waitUntil(
        () => call.lines().length >= count,
        timeoutMs,
        `${count} spoken line(s) on call ${context.callId}`,
      );
      return call.lines();
    },
    conferenceId: () => participation?.conferenceId,
    async waitForConference(timeoutMs) {
      await simulator.waitUntil(
        () => participation !== undefined,
        timeoutMs,
        `call ${context.callId} in a conference`,
      );
      return participation?.conferenceId ?? '';
    },
    fetches: () => state.fetches.filter((fetched) => fetched.callId === context.callId),
  };
  register(context.callId, end);

  if (callOptions.fetchUrl) {
    const signal = AbortSignal.any([ended.signal, background.signal]);
    background.run(
      runParkingFlow({
        state,
        context,
        url: callOptions.fetchUrl,
        loops: callOptions.fetchLoops ?? 10,
        signal,
        changed,
        steps: {
          talk(text) {
            state.spoken.push({ callId: context.callId, text, via: 'talk', at: Date.now() });
            changed();
          },
          async joinConference(conferenceId) {
            const joined = conferences.join(conferenceId, (confbridgeId) => {
              void background.post([bridged(confbridgeId)], delivery());
            });
            if (!joined) return false;
            participation = joined;
            changed();
            await Promise.race([joined.out, aborted(signal)]);
            if (participation === joined) participation = undefined;
            changed();
            return true;
          },
          hangup: () => end('local'),
        },
      }),
    );
  }
  return call;
}
