import type { HandoffReason } from '@org/ai-core';
import type { StateStore } from '../../state/state-store';

/** One final caller segment waiting for the end of the utterance. */
export type Segment = {
  id: string;
  text: string;
  /** When the gateway received it (epoch ms). */
  at: number;
  /** VoIPBin's own time of the segment, to put out-of-order segments back in order. */
  spokenAt?: number;
};

/**
 * The store keys, in one place. Each piece of a call's state has its own key and is changed
 * with one atomic store operation, so gateway instances sharing a call never overwrite each
 * other (no read-modify-write of a whole call).
 */
export const keys = {
  /** The call's Speaking session id (set once, if absent). */
  speaking: (callId: string) => `speaking:${callId}`,
  /** A `POST /speakings` timed out: a session may exist that we do not know the id of. */
  lateSpeaking: (callId: string) => `late-speaking:${callId}`,
  /** Estimated end of what the bot has queued to say (epoch ms): before it, the bot talks. */
  speakingUntil: (callId: string) => `until:${callId}`,
  /** Transcribe sessions mapped to the call (a list; their keys are dropped at hang-up). */
  transcribes: (callId: string) => `transcribes:${callId}`,
  segments: (callId: string) => `segments:${callId}`,
  ended: (callId: string) => `ended:${callId}`,
  greeted: (callId: string) => `greeted:${callId}`,
  transcribe: (transcribeId: string) => `transcribe:${transcribeId}`,
  held: (transcribeId: string) => `held:${transcribeId}`,
  /** Caller words of a transcribe that could not be mapped in time (the fallback is owed). */
  lost: (transcribeId: string) => `lost:${transcribeId}`,
  /** The caller's and our number (from the call's events), for dialing a person. */
  parties: (callId: string) => `parties:${callId}`,
  /** The call's own conference ({@link ParkedConference}); claimed by whoever creates it. */
  conference: (callId: string) => `conference:${callId}`,
  /** The conference the caller was sent into by a fetch answer (it is parked there). */
  parkedIn: (callId: string) => `parked-in:${callId}`,
  /** A handoff in progress ({@link HandoffState}): while set, the bot is silent. */
  handoff: (callId: string) => `handoff:${callId}`,
  /** The person's leg dialed for the call. */
  humanLeg: (callId: string) => `human-leg:${callId}`,
  /** The caller of a person's leg (set at dialing; kept until it expires, for late events). */
  callerOf: (legId: string) => `caller-of:${legId}`,
  /** Events of a person's leg that came before its dial answered. */
  heldLeg: (legId: string) => `held-leg:${legId}`,
  /** Music on hold is on for the caller. */
  musicOnHold: (callId: string) => `moh:${callId}`,
  /** A handoff of the call found nobody: no second try on the same call. */
  nobodyCame: (callId: string) => `nobody-came:${callId}`,
  /** The business was asked to call the caller back (once per call). */
  callbackAsked: (callId: string) => `callback-asked:${callId}`,
};

/** The caller's number and ours, as the call's events name them. */
export type CallParties = { caller?: string; ours?: string };

/** The call's conference: being created, ready to park the caller in, or impossible (plan limit). */
export type ParkedConference = { id: string; status: 'creating' | 'ready' | 'failed' };

/** A handoff to a person in progress: `ringing` until the person answers, then `connected`. */
export type HandoffState = {
  status: 'ringing' | 'connected';
  reason: HandoffReason;
  summary: string;
  /** When it started (epoch ms). */
  startedAt: number;
};

/** The per-call state operations, each one atomic in the store, with the store's TTL. */
export type CallStates = ReturnType<typeof createCallStates>;

/** Reads and writes the per-call state keys with the store's TTL. */
export function createCallStates(store: StateStore, ttlMs: number) {
  return {
    speakingId: (callId: string) => store.get<string>(keys.speaking(callId)),
    /** Records the call's Speaking session unless one is recorded already; true when this did. */
    claimSpeaking: (callId: string, speakingId: string) =>
      store.claim(keys.speaking(callId), ttlMs, speakingId),
    /** Notes that a Speaking session may have been created without us learning its id. */
    markLateSpeaking: (callId: string) => store.set(keys.lateSpeaking(callId), true, ttlMs),
    /** Whether a Speaking session may exist that we do not know; clears the mark. */
    takeLateSpeaking: async (callId: string) => {
      const late = (await store.get<boolean>(keys.lateSpeaking(callId))) === true;
      if (late) await store.delete(keys.lateSpeaking(callId));
      return late;
    },
    speakingUntil: async (callId: string) =>
      (await store.get<number>(keys.speakingUntil(callId))) ?? 0,
    /** The bot queued `ms` more of speech: it talks until `max(until, from) + ms`. */
    extendSpeech: (callId: string, from: number, ms: number) =>
      store.advance(keys.speakingUntil(callId), from, ms, ttlMs),
    /** The bot was cut off (barge-in) at `at`. */
    silence: (callId: string, at: number) => store.set(keys.speakingUntil(callId), at, ttlMs),
    addTranscribe: (callId: string, transcribeId: string) =>
      store.push(keys.transcribes(callId), transcribeId, ttlMs),
    transcribeIds: async (callId: string) => [
      ...new Set(await store.list<string>(keys.transcribes(callId))),
    ],
    ended: async (callId: string) => (await store.get<boolean>(keys.ended(callId))) === true,
    /** Forgets the call's Speaking session (stopped): the next `open` starts a new one. */
    forgetSpeaking: (callId: string) => store.delete(keys.speaking(callId)),
    /**
     * Whether the bot must say nothing more on the call: it ended, or a person is being called or
     * talks to the caller. Both keys are read at once: this is asked on every caller event.
     */
    muted: async (callId: string) => {
      const [ended, handoff] = await Promise.all([
        store.get<boolean>(keys.ended(callId)),
        store.get<HandoffState>(keys.handoff(callId)),
      ]);
      return ended === true || handoff !== undefined;
    },
    /** Every working-state key of the call (history is kept elsewhere). */
    callKeys: (callId: string) => [
      keys.speaking(callId),
      keys.lateSpeaking(callId),
      keys.speakingUntil(callId),
      keys.transcribes(callId),
      keys.segments(callId),
      keys.parties(callId),
      keys.conference(callId),
      keys.parkedIn(callId),
      keys.handoff(callId),
      keys.humanLeg(callId),
      keys.musicOnHold(callId),
      keys.nobodyCame(callId),
      keys.callbackAsked(callId),
    ],
  };
}
