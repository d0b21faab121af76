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
};

/**
 * The port for conversation memory. Implementations: `createMemoryHistory`,
 * `createUpstashHistory` (in `@org/history`).
 *
 * A turn costs one `load` (one read round trip) and one `append` (one atomic write).
 * Failures are thrown as `AiCoreError` with code `history_unavailable`.
 */
export type HistoryStore = {
  /** Loads the newest `limit` messages, oldest first; with `claim`, also claims that event id. */
  load(
    conversationId: string,
    options: HistoryLoadOptions,
  ): Promise<{ messages: HistoryMessage[]; claim?: EventClaim }>;
  /** Appends messages atomically, trims to the store's window, refreshes the TTL. */
  append(
    conversationId: string,
    messages: HistoryMessage[],
    options?: HistoryAppendOptions,
  ): Promise<void>;
  /** Resolves when the store is reachable; throws `history_unavailable` otherwise. */
  ping(): Promise<void>;
};
