import {
  AiCoreError,
  type EventClaim,
  type HistoryAppendOptions,
  type HistoryLoadOptions,
  type HistoryMessage,
  type HistoryStore,
} from '@org/ai-core';
import {
  checkAppendArguments,
  checkLoadArguments,
  type HistoryWindowOptions,
  resolveHistoryWindow,
} from '@org/ai-core/internal';
import type { Redis } from '@upstash/redis';
import { doneEvent, pendingEvent, toEventClaim, toHistoryMessage } from './stored-value';

/** Options for {@link createUpstashHistory}. */
export type UpstashHistoryOptions = HistoryWindowOptions & {
  /** An `@upstash/redis` client, e.g. `Redis.fromEnv()`. */
  redis: Redis;
  /** Prefix of every key this store writes (default `history`). */
  keyPrefix?: string;
};

/**
 * Conversation memory in Upstash Redis, shared by every instance of the app.
 *
 * Layout: a list `<prefix>:{<conversation>}:messages` of JSON messages and, per event id,
 * a string `<prefix>:{<conversation>}:event:<id>` holding the claim or the settled reply.
 * A turn costs one request to read (`load`: claim and read in one MULTI/EXEC) and one to
 * write (`append`: RPUSH, LTRIM, EXPIRE and the event settlement in one MULTI/EXEC).
 *
 * @example
 * ```ts
 * import { Redis } from '@upstash/redis';
 * const history = createUpstashHistory({ redis: Redis.fromEnv(), maxMessages: 50 });
 * const { messages, claim } = await history.load('user-42', { limit: 20, claim: 'webhook-7' });
 * ```
 */
export function createUpstashHistory(options: UpstashHistoryOptions): HistoryStore {
  const { redis } = options;
  const prefix = options.keyPrefix ?? 'history';
  const { maxMessages, ttlSeconds, claimTtlSeconds, eventTtlSeconds } =
    resolveHistoryWindow(options);

  // Hash tags keep a conversation's keys in one slot; encoding keeps ids from colliding.
  const base = (conversationId: string) => `${prefix}:{${encodeURIComponent(conversationId)}}`;
  const listKey = (conversationId: string) => `${base(conversationId)}:messages`;
  const eventKey = (conversationId: string, eventId: string) =>
    `${base(conversationId)}:event:${encodeURIComponent(eventId)}`;

  return {
    async load(conversationId: string, loadOptions: HistoryLoadOptions) {
      checkLoadArguments(conversationId, loadOptions);
      const { limit, claim } = loadOptions;
      // LRANGE -0 -1 would return the whole list: a limit of 0 reads nothing.
      if (claim === undefined) {
        if (limit === 0) return { messages: [] };
        const entries = await call(() =>
          redis.lrange<unknown>(listKey(conversationId), -limit, -1),
        );
        return { messages: toMessages(entries) };
      }
      const key = eventKey(conversationId, claim);
      const tx = redis.multi();
      tx.set(key, pendingEvent, { nx: true, ex: claimTtlSeconds });
      tx.get(key);
      if (limit > 0) tx.lrange(listKey(conversationId), -limit, -1);
      const [claimed, current, entries] = await call(() => tx.exec<unknown[]>());
      const state: EventClaim = claimed === 'OK' ? { status: 'claimed' } : toEventClaim(current);
      return { messages: limit > 0 ? toMessages(entries) : [], claim: state };
    },

    async append(
      conversationId: string,
      messages: HistoryMessage[],
      appendOptions: HistoryAppendOptions = {},
    ) {
      checkAppendArguments(conversationId, appendOptions);
      const { event } = appendOptions;
      if (messages.length === 0 && !event) return;
      const tx = redis.multi();
      if (messages.length > 0) {
        const key = listKey(conversationId);
        tx.rpush(key, ...messages.map((message) => JSON.stringify(message)));
        tx.ltrim(key, -maxMessages, -1);
        tx.expire(key, ttlSeconds);
      }
      if (event) {
        const key = eventKey(conversationId, event.id);
        if (event.reply === undefined) tx.del(key);
        else tx.set(key, doneEvent(event.reply), { ex: eventTtlSeconds });
      }
      await call(() => tx.exec());
    },

    async ping() {
      await call(() => redis.ping());
    },
  };
}

function toMessages(entries: unknown): HistoryMessage[] {
  if (!Array.isArray(entries)) return [];
  return entries.map(toHistoryMessage).filter((message) => message !== undefined);
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    throw new AiCoreError('history_unavailable', {
      message: `Upstash Redis request failed${reason}`,
      cause,
    });
  }
}
