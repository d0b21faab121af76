/** The SMS channel's keys in the gateway's state store, in one place. */
export const keys = {
  /** Texts received and not yet answered, oldest first (a list). */
  pending: (conversationId: string) => `sms:pending:${conversationId}`,
  /** Held while one instance writes the conversation's reply. */
  turn: (conversationId: string) => `sms:turn:${conversationId}`,
  /** The agent who owns the conversation, or `''` when nobody does. */
  owner: (conversationId: string) => `sms:owner:${conversationId}`,
  /** Claimed once an operator's message is being sent, so that it is never sent twice. */
  operatorSent: (messageKey: string) => `sms:operator-sent:${messageKey}`,
};

/** A text waiting for its answer. */
export type PendingText = {
  /** The message id (VoIPBin's SMS id). */
  id: string;
  text: string;
  /** The texter's number, for the business when the conversation is handed off. */
  from?: string;
  /** When it was sent (epoch ms), to answer texts in the order they were written. */
  at: number;
};
