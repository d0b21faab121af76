/** How the gateway talks on the phone; every field has a default (see {@link defaultVoiceSettings}). */
export type VoiceSettings = {
  /** Spoken when the call is answered. */
  greeting: string;
  /** Spoken when the model fails or misses its deadline; the call goes on. */
  fallbackText: string;
  /** BCP 47 language of speech (Speaking session, talk). */
  language: string;
  /** TTS provider of the Speaking session; VoIPBin's default when unset. */
  provider?: string;
  voiceId?: string;
  /**
   * Quiet time after the end of speech before the utterance becomes a turn, in ms, for an
   * utterance that neither sounds finished nor trails off (see `end-of-turn.ts`).
   */
  quietMs: number;
  /** The quiet time after a question, a full sentence or a short answer ("yes", "thanks"), in ms. */
  completeQuietMs: number;
  /** The quiet time after words that trail off ("and", "um", a comma, digits), in ms. */
  trailingQuietMs: number;
  /**
   * Start the assistant on each final transcript, before the quiet time is over (withdrawn if
   * the caller goes on). Default true.
   */
  speculate: boolean;
  /** Say each sentence as soon as it is complete, rather than the whole answer at its end. Default true. */
  sentenceBySentence: boolean;
  /**
   * When nothing of the answer can be said this long after the caller finished (a slow tool, a
   * slow model), one short filler is said, in ms. 0 turns fillers off.
   */
  fillerAfterMs: number;
  /** The fillers, said in turn (at most one per turn, never once the answer is being spoken). */
  fillers: string[];
  /** Latest end of an utterance after speech started without an end, in ms. */
  speechTimeoutMs: number;
  /** From the caller's last segment to the moment an answer or the fallback must be spoken. */
  replyBudgetMs: number;
  /** Wait for `transcribe_created` before asking `GET /transcribes/{id}`, in ms. */
  mappingLookupMs: number;
  /** Estimated speech time per character (how long the bot counts as talking), in ms. */
  msPerChar: number;
  /** How long per-call state and dedupe keys live, in ms. */
  stateTtlMs: number;
  /**
   * Said when the person dialed for a handoff does not answer, is busy or cannot be reached
   * (the business is asked to call back). Keep "connect you with" out of it: a "yes" to that
   * would be taken as wanting a person again.
   */
  handoffNoAnswerText: string;
  /** Said when the person hangs up first and the caller is back with the assistant. */
  handoffLeftText: string;
  /** How long the person's phone may ring before the handoff gives up, in ms. */
  handoffRingTimeoutMs: number;
  /** How long the parking flow's fetch waits for the call's conference, in ms (VoIPBin allows ~3 s). */
  conferenceWaitMs: number;
};

export const defaultVoiceSettings: VoiceSettings = {
  greeting: 'Hello, thanks for calling! How can I help you today?',
  fallbackText: "Sorry, I'm having trouble answering right now. Could you say that again?",
  language: 'en-US',
  quietMs: 600,
  completeQuietMs: 300,
  trailingQuietMs: 1500,
  speculate: true,
  fillerAfterMs: 1200,
  fillers: [
    'One moment, let me check that.',
    'Let me look that up for you.',
    'Just a second, I am checking.',
    'Bear with me a moment.',
  ],
  sentenceBySentence: true,
  speechTimeoutMs: 8000,
  replyBudgetMs: 2500,
  mappingLookupMs: 400,
  msPerChar: 65,
  stateTtlMs: 4 * 60 * 60 * 1000,
  handoffNoAnswerText:
    "Sorry, nobody from our team is free right now. I've asked them to call you back on this " +
    'number as soon as they can. Is there anything else I can help you with?',
  handoffLeftText: 'My colleague has left the call. Is there anything else I can help you with?',
  handoffRingTimeoutMs: 40_000,
  conferenceWaitMs: 1500,
};
