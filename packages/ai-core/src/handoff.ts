/** Why a conversation was handed to a person. */
export type HandoffReason =
  /** The customer asked for a person. */
  | 'customer_request'
  /** The assistant could not help (e.g. it failed to answer twice in a row). */
  | 'cannot_help';

/** A conversation's handoff state, stored with its history (see `HistoryStore`). */
export type Handoff = {
  /**
   * `active`: a person has the conversation and the assistant does not answer it.
   * `callback`: nobody was available, and the customer is to be called or written back; the
   * assistant goes on answering.
   */
  status: 'active' | 'callback';
  reason: HandoffReason;
  /** One or two sentences for the person taking over. */
  summary: string;
  /** The channel the conversation was on when it was handed off (`chat`, `voice`, `sms`, …). */
  channel: string;
  /** ISO-8601 time the handoff started. */
  startedAt: string;
  /** The name of the last operator who replied, once one has. */
  operator?: string;
};

/** What `HandoffOptions.available` is asked about. */
export type HandoffAvailabilityQuery = {
  /** Now, by the assistant's clock. */
  at: Date;
  channel: string;
  conversationId: string;
};

/** Options for handing conversations to a person (`AssistantOptions.handoff`). */
export type HandoffOptions = {
  /**
   * Whether a person can take this conversation now: `false` when the business configured no
   * one for the channel, or outside its opening hours. Default: always. When it says no, the
   * customer is told how to reach the team, and the conversation is marked `callback`.
   */
  available?: (query: HandoffAvailabilityQuery) => boolean | Promise<boolean>;
  /** What the customer is told when handed off; default by channel (see `Channel.handoff`). */
  startedText?: string;
  /** What the customer is told when nobody is available; default by channel (see `Channel.handoff`). */
  unavailableText?: string;
  /**
   * How customers reach the team, said when nobody is available (not on the phone, where the
   * caller already is), e.g. "You can call us on +1 555 010 2030 or email hello@example.com."
   */
  contact?: string;
  /**
   * Whether someone gets back to a customer nobody could take (the business hears of callback
   * requests, or sees them in its operator console). Default true; with false the customer is
   * not promised a callback.
   */
  callbacks?: boolean;
};

/** The built-in tool the model calls to hand the conversation to a person. */
export const handoffToolName = 'hand_off_to_person';
