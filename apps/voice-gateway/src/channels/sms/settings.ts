/** How the gateway answers texts; every field has a default (see {@link defaultSmsSettings}). */
export type SmsSettings = {
  /** Sent when the assistant cannot answer (model down or past its deadline). */
  fallbackText: string;
  /** How long a conversation's pending texts and its owner stay in the state store, in ms. */
  stateTtlMs: number;
  /**
   * The longest one conversation's turn holds its lock, in ms: longer than the assistant's
   * deadline plus a send, so two instances never answer the same conversation at once.
   */
  turnLockMs: number;
};

export const defaultSmsSettings: SmsSettings = {
  fallbackText: "Sorry, I can't answer right now. Please try again in a few minutes.",
  stateTtlMs: 24 * 60 * 60 * 1000,
  turnLockMs: 2 * 60 * 1000,
};
