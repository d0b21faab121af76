import type { Assistant } from '@org/ai-core';
import type { Logger } from '@org/runtime';
import {
  timeOf,
  type VoiceEvent,
  type VoipbinCall,
  type VoipbinClient,
  type VoipbinSpeechEvent,
  type VoipbinTranscript,
} from '@org/voipbin';
import { createActivity } from '../../activity';
import type { StateStore } from '../../state/state-store';
import { isBackchannel } from './backchannel';
import { createCallHandoff, type HandoffRequest, type VoiceHandoffOptions } from './call-handoff';
import { type CallParties, createCallStates, keys, type Segment } from './call-state';
import { quietTimeFor } from './end-of-turn';
import { createParking, type ParkingPlace } from './parking';
import { defaultVoiceSettings, type VoiceSettings } from './settings';
import { createSpeaker } from './speaker';
import { createTurns, type TurnStats } from './turns';

/** Options for {@link createCallEngine}. */
export type CallEngineOptions = {
  assistant: Assistant;
  voipbin: VoipbinClient;
  store: StateStore;
  logger: Logger;
  settings?: Partial<VoiceSettings>;
  /** Handing calls to a person: whom to dial, how to release and ask for a callback. */
  handoff?: VoiceHandoffOptions;
  /**
   * Give each call its own conference for the parking flow's fetch to park it in (needed to
   * hand it to a person). Default: when `handoff.phoneNumber` is set.
   */
  parkInConference?: boolean;
  now?: () => number;
};

/** The per-call turn-taking engine (SPEC.md §9). */
export type CallEngine = {
  /** Handles one verified, deduplicated event; never throws (failures are logged). */
  handle(event: VoiceEvent): Promise<void>;
  /**
   * For a `fetch` action: the greeting if the call has not been greeted yet. Does not wait
   * behind the call's other work. When `signal` is aborted before it is done (the route gave up
   * answering), the gateway speaks the greeting itself and resolves `undefined`.
   */
  greetingForFetch(callId: string, signal?: AbortSignal): Promise<string | undefined>;
  /** For a `fetch` action of the parking flow: where the call goes next (HANDOFF.md §1.2). */
  placeForFetch(callId: string, signal?: AbortSignal): Promise<ParkingPlace>;
  /** Whether the call can be put through to a person now (a number to dial, a parked caller). */
  canTransfer(callId: string): Promise<boolean>;
  /**
   * Hands the call to a person, as a reply's `handoff.state === 'started'` does: the bot goes
   * silent, the person is dialed into the caller's conference.
   */
  transfer(callId: string, request: HandoffRequest): Promise<void>;
  /** Resolves when every event received so far is fully handled (turns included). */
  settled(): Promise<void>;
  /** Stops timers; in-flight work finishes. */
  close(): void;
  /** What speculative runs cost and saved so far. */
  stats(): TurnStats;
};

type CallerEvent = Extract<VoiceEvent, { data: VoipbinTranscript } | { data: VoipbinSpeechEvent }>;

/** Segments in the order they were spoken (deliveries are not ordered). */
function inOrder(segments: Segment[]): Segment[] {
  const order = (segment: Segment) => segment.spokenAt ?? segment.at;
  return segments.sort((a, b) => order(a) - order(b));
}

/** The event's own time (epoch ms), when VoIPBin gave one. */
function eventTime(event: CallerEvent): number | undefined {
  return timeOf('tm_event' in event.data ? event.data.tm_event : event.data.tm_create);
}

export function createCallEngine(options: CallEngineOptions): CallEngine {
  const { assistant, voipbin, store, logger } = options;
  const settings: VoiceSettings = { ...defaultVoiceSettings, ...options.settings };
  const now = options.now ?? Date.now;
  const ttl = settings.stateTtlMs;
  const activity = createActivity((name, error) => {
    logger.error({ task: name, err: error }, 'background task failed');
  });
  const states = createCallStates(store, ttl);
  const speaker = createSpeaker({ ...settings, voipbin, states, logger, now });
  const parking = createParking({
    voipbin,
    store,
    states,
    logger,
    enabled: options.parkInConference ?? options.handoff?.phoneNumber !== undefined,
    ttlMs: ttl,
  });
  const turns = createTurns({
    assistant,
    speaker,
    states,
    activity,
    logger,
    settings,
    now,
    hangup: async (callId) => {
      try {
        await voipbin.calls.hangup(callId);
      } catch (error) {
        logger.warn({ callId, err: error }, 'could not hang up after the farewell');
      }
    },
    onHandoff: (callId, reply) => handoff.onReply(callId, reply),
  });
  // Event times of the newest end of speech per call, to spot a late `speech_started`.
  const heardUntil = new Map<string, number>();
  const utteranceTimer = (callId: string) => `utterance:${callId}`;

  function endOfUtterance(callId: string): Promise<void> {
    return activity.run(callId, async () => {
      if (await states.ended(callId)) return;
      const segments = inOrder(await store.take<Segment>(keys.segments(callId)));
      // Nothing left: another instance took the utterance; its run answers, not ours.
      if (segments.length > 0) turns.commit(callId, segments);
      else turns.forget(callId);
    });
  }
  const waitFor = (callId: string, ms: number) =>
    activity.arm(utteranceTimer(callId), ms, () => endOfUtterance(callId));
  /** The caller's words so far in this utterance, in spoken order. */
  const utterance = async (callId: string) =>
    inOrder(await store.list<Segment>(keys.segments(callId)));
  /** Waits the quiet time this utterance calls for (shorter when it sounds finished). */
  const waitForQuiet = async (callId: string, segments: Segment[]) =>
    waitFor(callId, quietTimeFor(segments.map((segment) => segment.text).join(' '), settings));
  // After `turns`, which it silences; `turns` hands it the replies with a handoff.
  const handoff = createCallHandoff({
    voipbin,
    store,
    states,
    speaker,
    parking,
    activity,
    logger,
    settings,
    handoff: options.handoff ?? {},
    now,
    quiet: async (callId) => {
      turns.cancel(callId);
      activity.clear(utteranceTimer(callId));
      heardUntil.delete(callId);
      await store.delete(keys.segments(callId));
    },
  });

  async function bargeIn(callId: string): Promise<void> {
    logger.info({ callId }, 'barge-in: flushing the bot');
    turns.interrupted(callId, now());
    await speaker.flush(callId);
  }

  async function onCallerEvent(callId: string, event: CallerEvent): Promise<void> {
    // Ended, or handed to a person: the caller talks to them, not to the bot.
    if (event.data.direction === 'out' || (await states.muted(callId))) return;
    const at = eventTime(event);
    const latest = heardUntil.get(callId);
    // A start that happened before speech we already heard ending was delivered late: ignore it.
    const stale = at !== undefined && latest !== undefined && at <= latest;
    const heard = () => {
      if (at !== undefined) heardUntil.set(callId, Math.max(latest ?? at, at));
    };
    switch (event.type) {
      case 'transcribe_speech_started':
        if (!stale) waitFor(callId, settings.speechTimeoutMs);
        return;
      case 'transcribe_speech_interim': {
        const message = event.data.message?.trim() ?? '';
        if (!stale && message && !isBackchannel(message) && (await speaker.talking(callId))) {
          await bargeIn(callId);
        }
        if (!stale) waitFor(callId, settings.speechTimeoutMs);
        return;
      }
      case 'transcribe_speech_ended':
        heard();
        await waitForQuiet(callId, await utterance(callId));
        return;
      case 'transcript_created': {
        heard();
        const text = event.data.message.trim();
        if (text) {
          const talking = await speaker.talking(callId);
          if (talking && isBackchannel(text)) {
            logger.debug({ callId, text }, 'backchannel while the bot talks: ignored');
          } else {
            if (talking) await bargeIn(callId);
            const segment: Segment = { id: event.data.id, text, at: now(), spokenAt: at };
            await store.push(keys.segments(callId), segment, ttl);
          }
        }
        const segments = await utterance(callId);
        // Start answering now, silently: the quiet time decides whether this is the turn.
        if (settings.speculate) turns.speculate(callId, segments);
        await waitForQuiet(callId, segments);
        return;
      }
    }
  }

  async function drainHeld(transcribeId: string, callId: string): Promise<void> {
    const held = await store.take<CallerEvent>(keys.held(transcribeId));
    const order = (event: CallerEvent) => eventTime(event) ?? Number.POSITIVE_INFINITY;
    held.sort((a, b) => order(a) - order(b));
    for (const event of held) await activity.run(callId, () => onCallerEvent(callId, event));
  }

  async function mapTranscribe(transcribeId: string, callId: string): Promise<void> {
    activity.clear(`lookup:${transcribeId}`);
    if (await states.ended(callId)) {
      await store.delete(keys.held(transcribeId));
      return;
    }
    await activity.run(`transcribe:${transcribeId}`, () =>
      store.set(keys.transcribe(transcribeId), callId, ttl),
    );
    await activity.run(callId, async () => {
      if (await states.ended(callId)) return;
      await states.addTranscribe(callId, transcribeId);
    });
    await drainHeld(transcribeId, callId);
    // Words of this transcribe were dropped before the call was known: owe the caller an answer.
    if ((await store.take(keys.lost(transcribeId))).length > 0 && !(await states.ended(callId))) {
      logger.warn({ callId, transcribeId }, 'caller words were lost: speaking the fallback');
      await speaker.say(callId, settings.fallbackText);
    }
  }

  /** The lookup gave up: drop held events (logged), remember lost words for a late mapping. */
  async function giveUp(transcribeId: string, error: unknown): Promise<void> {
    const known = await store.get<string>(keys.transcribe(transcribeId));
    if (known) return drainHeld(transcribeId, known);
    const held = await store.take<CallerEvent>(keys.held(transcribeId));
    const words = held.filter(
      (event) =>
        event.type === 'transcript_created' &&
        event.data.direction !== 'out' &&
        event.data.message.trim() !== '',
    );
    logger.error(
      { transcribeId, dropped: held.length, words: words.length, err: error },
      'transcribe could not be mapped to a call: caller words dropped',
    );
    if (words.length > 0) await store.push(keys.lost(transcribeId), true, ttl);
  }

  /** Without `transcribe_created`, asks VoIPBin which call a transcribe belongs to. */
  async function lookup(transcribeId: string, attempt: number): Promise<void> {
    const known = await store.get<string>(keys.transcribe(transcribeId));
    if (known) return drainHeld(transcribeId, known);
    try {
      const transcribe = await voipbin.transcribes.get(transcribeId);
      if (transcribe.reference_type !== 'call') {
        await store.delete(keys.held(transcribeId));
        return;
      }
      await mapTranscribe(transcribeId, transcribe.reference_id);
    } catch (error) {
      if (attempt < 3) {
        logger.warn({ transcribeId, attempt, err: error }, 'transcribe lookup failed');
        const delay = settings.mappingLookupMs * 2 ** attempt;
        activity.arm(`lookup:${transcribeId}`, delay, () => lookup(transcribeId, attempt + 1));
      } else {
        await giveUp(transcribeId, error);
      }
    }
  }

  async function routeCallerEvent(event: CallerEvent): Promise<void> {
    const transcribeId = event.data.transcribe_id;
    const callId = await activity.run(`transcribe:${transcribeId}`, async () => {
      const mapped = await store.get<string>(keys.transcribe(transcribeId));
      if (mapped) return mapped;
      // Delivered before its `transcribe_created`: hold it until the call is known.
      await store.push(keys.held(transcribeId), event, ttl);
      const name = `lookup:${transcribeId}`;
      if (!activity.armed(name)) {
        activity.arm(name, settings.mappingLookupMs, () => lookup(transcribeId, 0));
      }
      return undefined;
    });
    if (callId) await activity.run(callId, () => onCallerEvent(callId, event));
  }

  async function onAnswered(callId: string): Promise<void> {
    const opened = await activity.run(callId, async () => {
      if (await states.ended(callId)) return false;
      await speaker.open(callId);
      return true;
    });
    if (opened && (await store.claim(keys.greeted(callId), ttl))) {
      await speaker.say(callId, settings.greeting);
    }
  }

  async function onHangup(callId: string): Promise<void> {
    turns.cancel(callId);
    activity.clear(utteranceTimer(callId));
    heardUntil.delete(callId);
    await activity.run(callId, async () => {
      await store.set(keys.ended(callId), true, ttl);
      await speaker.stop(callId);
      // The person's leg and the conference go with the call (conferences count against the plan).
      await handoff.end(callId);
      await parking.end(callId);
      const transcribeKeys = (await states.transcribeIds(callId)).flatMap((id) => [
        keys.transcribe(id),
        keys.held(id),
        keys.lost(id),
      ]);
      // History is kept: only the call's working state goes.
      await store.delete(...states.callKeys(callId), ...transcribeKeys);
    });
  }

  /** A caller's call came in or was answered: its numbers, and its conference under way. */
  async function onIncoming(call: VoipbinCall): Promise<void> {
    const parties: CallParties = { caller: call.source?.target, ours: call.destination?.target };
    if (parties.caller || parties.ours) await store.claim(keys.parties(call.id), ttl, parties);
    await parking.prepare(call.id);
  }

  async function dispatch(event: VoiceEvent): Promise<void> {
    // A leg we dialed (a person taking a call) is not a caller.
    if (event.type.startsWith('call_') && event.data.direction === 'outgoing') {
      return handoff.onLegEvent(event as { type: string; data: VoipbinCall });
    }
    switch (event.type) {
      case 'call_created':
        return onIncoming(event.data);
      case 'call_progressing':
        await Promise.all([onIncoming(event.data), onAnswered(event.data.id)]);
        return;
      case 'call_hangup':
        return onHangup(event.data.id);
      case 'transcribe_created':
      case 'transcribe_progressing':
        if (event.data.reference_type !== 'call') return;
        return mapTranscribe(event.data.id, event.data.reference_id);
      case 'transcript_created':
      case 'transcribe_speech_started':
      case 'transcribe_speech_interim':
      case 'transcribe_speech_ended':
        return routeCallerEvent(event);
      default:
        return;
    }
  }

  return {
    handle(event) {
      return activity.track(
        dispatch(event).catch((error: unknown) => {
          logger.error({ type: event.type, err: error }, 'event handling failed');
        }),
      );
    },
    async greetingForFetch(callId, signal) {
      // Atomic store operations only: never behind the call's queue (e.g. a slow POST /speakings).
      if (!(await store.claim(keys.greeted(callId), ttl))) return undefined;
      if (!signal?.aborted) {
        const ms = settings.greeting.length * settings.msPerChar;
        await states.extendSpeech(callId, now(), ms);
        if (!signal?.aborted) return settings.greeting;
      }
      // The fetch answered without it: the greeting is ours to say, or nobody says it.
      logger.warn({ callId }, 'fetch gave up before the greeting: saying it through the API');
      void activity.track(speaker.say(callId, settings.greeting));
      return undefined;
    },
    placeForFetch: (callId, signal) => parking.placeFor(callId, settings.conferenceWaitMs, signal),
    canTransfer: (callId) => handoff.canTransfer(callId),
    transfer: (callId, request) => handoff.start(callId, request),
    settled: () => activity.settled(),
    close: () => activity.close(),
    stats: () => turns.stats(),
  };
}
