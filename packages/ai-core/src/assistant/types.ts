import type { Channel } from '../channels/channel';
import type { ChatModel, KnowledgePassage } from '../chat-model';
import type { HandoffOptions, HandoffReason } from '../handoff';
import type { HistoryStore } from '../history-store';
import type { Tools } from '../tools';

/** A knowledge base the assistant retrieves passages from (see `loadKnowledge`). */
export type KnowledgeBase = {
  /** All passages. */
  readonly passages: readonly KnowledgePassage[];
  /** The passages relevant to `query`, best first (empty when nothing matches). */
  search(query: string, options?: { limit?: number }): KnowledgePassage[];
};

/** Options for {@link createAssistant}. */
export type AssistantOptions = {
  /** The model that answers (e.g. `createOpenAIModel(...)` or `createKnowledgeModel()`). */
  model: ChatModel;
  /** Where conversations are remembered (e.g. `createMemoryHistory()`). */
  history: HistoryStore;
  /** The business's instructions: who the assistant is and how it behaves. */
  instructions: string;
  /** Knowledge to ground answers in; the best passages are added to each turn's prompt. */
  knowledge?: KnowledgeBase;
  /** Tools the model may call; the same tools serve every channel. */
  tools?: Tools;
  /** Channels besides (or replacing) the built-in `chat`, `voice` and `sms`. */
  channels?: Record<string, Channel>;
  /** How many past messages are sent to the model. Default 10. */
  maxTurns?: number;
  /**
   * Deadline for one whole reply (model and tools), in ms. Default 30 000, at most 60 000: a turn
   * must end before its idempotency claim does (a store's `claimTtlSeconds`, 60 s by default).
   */
  timeoutMs?: number;
  /** Model steps per turn when tools are called. Default 3. */
  maxSteps?: number;
  /** How many passages to retrieve per turn. Default 3. */
  maxPassages?: number;
  /** The clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * Lets the assistant hand a conversation to a person: the model is offered the built-in
   * `hand_off_to_person` tool (the offline knowledge model uses it when the customer asks for a
   * person in plain words, and after failing to answer twice in a row). While a conversation is
   * handed off, the assistant does not answer it (see {@link ReplyHandoff}); the team answers and
   * gives it back through `createHandoffDesk`. Without it, nothing is ever handed off.
   */
  handoff?: HandoffOptions;
};

/** One user turn. */
export type ReplyInput = {
  /** The conversation (web session, call id, phone number…). */
  conversationId: string;
  /** The channel name: `chat`, `voice`, `sms` or one you added. */
  channel: string;
  /** What the user said or typed. */
  text: string;
  /** An id of the event that carried this turn: the same id twice gives the same reply once. */
  eventId?: string;
  /** Deadline for this call in ms, overriding the assistant's `timeoutMs`. */
  timeoutMs?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
  /**
   * Hands the complete, rendered reply to the channel (e.g. speaks it) before anything is
   * stored; the {@link Delivery} it resolves with decides what history keeps of the turn.
   *
   * With `deliver`, a turn cancelled by `signal` (or a stream reader that stops) before
   * `deliver` is called is withdrawn: nothing is stored and the event is released, since the
   * channel had not committed to it; a model failure or the deadline keeps the user's message,
   * as without `deliver`. Once `deliver` is called the
   * turn is committed: the deadline and `signal` no longer apply, and the turn waits for
   * `deliver` to settle (do so well within the store's claim lifetime, 60 s by default). A
   * rejection, or a value that is not a `Delivery`, counts as `{ kept: true }`: a reply that
   * may have been heard is never lost. Not called when the event is replayed (`replayed: true`).
   * Without `deliver`, the whole reply is stored, and a failed turn keeps the user's message.
   *
   * @example
   * ```ts
   * const reply = await assistant.reply({
   *   conversationId: callId,
   *   channel: 'voice',
   *   text: transcript,
   *   deliver: async (reply) => {
   *     if (!(await turnCommitted())) return { kept: false }; // the caller went on speaking
   *     const playback = await speak(reply); // resolves once played out, or at barge-in
   *     if (!playback.interrupted) return { kept: true };
   *     return { kept: true, heard: playback.heard, interrupted: true };
   *   },
   * });
   * ```
   */
  deliver?: (reply: string) => Promise<Delivery>;
};

/**
 * What the channel did with a reply handed to {@link ReplyInput.deliver}, deciding what history
 * keeps of the turn.
 */
export type Delivery =
  /**
   * Withdrawn (e.g. a speculative run the caller spoke over): history keeps nothing of the turn,
   * not even the user's message, and the event is released so a retry with the same `eventId`
   * runs normally. The call still resolves with the reply.
   */
  | { kept: false }
  /** Delivered whole: the user's message and the whole reply are stored. */
  | { kept: true; heard?: never; interrupted?: never }
  /**
   * Cut short (barge-in): the user's message is stored with an assistant message holding only
   * `heard` (trimmed), marked `interrupted: true`; with `heard` empty, the user heard nothing and
   * no assistant message is stored. The event is settled with `heard`, what was stored.
   */
  | { kept: true; heard: string; interrupted: true };

/** The assistant's answer to one turn. */
export type Reply = {
  /** The reply rendered for the channel. */
  text: string;
  conversationId: string;
  channel: string;
  /** True when this is the stored reply of an event handled before (no model call was made). */
  replayed: boolean;
  /** Knowledge passages the turn was grounded in. */
  sources: KnowledgePassage[];
  /** Present when the conversation is with (or was to be given to) a person. */
  handoff?: ReplyHandoff;
};

/**
 * A reply's handoff, for the channel to act on.
 *
 * @example
 * ```ts
 * const reply = await assistant.reply({ conversationId, channel: 'sms', text })
 * if (reply.handoff?.state === 'active') return // a person has it: send nothing
 * await sendSms(reply.text)
 * if (reply.handoff?.state === 'started') await tellTheTeam(reply.handoff.summary)
 * ```
 */
export type ReplyHandoff = {
  /**
   * `started`: this turn handed the conversation to a person; `text` says so (stored state
   * `active`). `active`: a person already has it: no model was called, `text` is `''` and the
   * channel sends nothing; the user's message is stored for the person to read. `unavailable`:
   * the customer wanted a person and nobody is available; `text` says so (stored state
   * `callback`: the team is to get back to them).
   */
  state: 'started' | 'active' | 'unavailable';
  reason: HandoffReason;
  /** One or two sentences for the person taking over. */
  summary: string;
};

/** One part of a streamed reply. */
export type ReplyPart =
  /**
   * Text as the model produces it, not yet rendered (for a replayed event: the stored, rendered
   * reply in one part).
   */
  | { type: 'text-delta'; text: string }
  /** The whole rendered reply; always the last part. */
  | { type: 'reply'; reply: Reply };

/** An assistant: one brain answering on every channel. */
export type Assistant = {
  /** Answers one turn. */
  reply(input: ReplyInput): Promise<Reply>;
  /** Answers one turn as a stream: text deltas, then the rendered reply. */
  stream(input: ReplyInput): AsyncIterable<ReplyPart>;
  /** The channels this assistant knows, by name. */
  readonly channels: Readonly<Record<string, Channel>>;
};
