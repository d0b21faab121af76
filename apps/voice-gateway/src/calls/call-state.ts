import type { CallStore } from './call-store';

/** What the gateway remembers about one live call. */
export type CallState = {
  callId: string;
  /** The call's Speaking session, once opened. */
  speakingId?: string;
  /** Estimated end of what the bot has queued to say (epoch ms): before it, the bot is talking. */
  speakingUntil: number;
  /** Transcribe sessions mapped to this call (their keys are dropped at hang-up). */
  transcribeIds: string[];
};

/** One final caller segment waiting for the end of the utterance. */
export type Segment = {
  id: string;
  text: string;
  /** When the gateway received it (epoch ms). */
  at: number;
  /** VoIPBin's own time of the segment, to put out-of-order segments back in order. */
  spokenAt?: number;
};

/** The store keys, in one place. */
export const keys = {
  call: (callId: string) => `call:${callId}`,
  segments: (callId: string) => `segments:${callId}`,
  ended: (callId: string) => `ended:${callId}`,
  greeted: (callId: string) => `greeted:${callId}`,
  transcribe: (transcribeId: string) => `transcribe:${transcribeId}`,
  held: (transcribeId: string) => `held:${transcribeId}`,
  event: (dedupeKey: string) => `event:${dedupeKey}`,
};

/** Reads and writes {@link CallState} with the store's TTL. */
export function createCallStates(store: CallStore, ttlMs: number) {
  return {
    async load(callId: string): Promise<CallState> {
      const state = await store.get<CallState>(keys.call(callId));
      return state ?? { callId, speakingUntil: 0, transcribeIds: [] };
    },
    save: (state: CallState) => store.set(keys.call(state.callId), state, ttlMs),
    ended: async (callId: string) => (await store.get<boolean>(keys.ended(callId))) === true,
  };
}
