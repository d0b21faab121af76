import type { Handoff } from './handoff';
import type { HistoryMessage } from './messages';

/** The state of an idempotency claim on an event id. */
export type EventClaim =
  /** This caller now owns the event and must settle it with `append`. */
  | { status: 'claimed' }
  /** Another caller owns the event and has not settled it yet. */
  | { status: 'pending' }
  /** The event was handled before; this is the reply it got. */
  | { status: 'done'; reply: string };

/** Options for {@link HistoryStore.load}. */
export type HistoryLoadOptions = {
  /** How many of the newest messages to return (0 returns none). */
  limit: number;
  /** Claims this event id in the same round trip (idempotency). */
  claim?: string;
};

/** Options for {@link HistoryStore.append}. */
export type HistoryAppendOptions = {
  /**
   * Settles a claimed event in the same atomic write: with `reply` the event is
   * done and later claims get that reply; without, the claim is released so a retry may run.
   */
  event?: { id: string; reply?: string };
  /**
   * The conversation's handoff state, written in the same atomic write: a `Handoff` sets it,
   * `null` clears it, absent leaves it as it is. It lives as long as the conversation.
   */
  handoff?: Handoff | null;
};

/** What {@link HistoryStore.load} returns. */
export type HistoryLoadResult = {
  /** The newest messages, oldest first. */
  messages: HistoryMessage[];
  /** The claim on `HistoryLoadOptions.claim`, when one was asked for. */
  claim?: EventClaim;
  /** The conversation's handoff state, when it has one. */
  handoff?: Handoff;
};

/** A conversation that has a handoff state. */
export type HandedOffConversation = { conversationId: string; handoff: Handoff };

/**
 * The port for conversation memory. Implementations: `createMemoryHistory`,
 * `createUpstashHistory` (in `@org/history`).
 *
 * A turn costs one `load` (one read round trip) and one `append` (one atomic write).
 * Failures are thrown as `AiCoreError` with code `history_unavailable`.
 */
export type HistoryStore = {
  /**
   * Loads the newest `limit` messages, oldest first, and the handoff state; with `claim`, also
   * claims that event id. One round trip.
   */
  load(conversationId: string, options: HistoryLoadOptions): Promise<HistoryLoadResult>;
  /**
   * Appends messages atomically (with the event settlement and the handoff state), trims to
   * the store's window, refreshes the TTL.
   */
  append(
    conversationId: string,
    messages: HistoryMessage[],
    options?: HistoryAppendOptions,
  ): Promise<void>;
  /** Every conversation with a handoff state, oldest `startedAt` first. */
  listHandoffs(): Promise<HandedOffConversation[]>;
  /** Resolves when the store is reachable; throws `history_unavailable` otherwise. */
  ping(): Promise<void>;
};
