import {
  AiCoreError,
  type HandedOffConversation,
  type HistoryAppendOptions,
  type HistoryLoadOptions,
  type HistoryLoadResult,
  type HistoryMessage,
  type HistoryStore,
} from '@org/ai-core';
import {
  checkAppendArguments,
  checkLoadArguments,
  type HistoryWindowOptions,
  parseHandoff,
  resolveHistoryWindow,
} from '@org/ai-core/internal';
import type { Redis } from '@upstash/redis';
import { doneEvent, pendingEvent, toEventClaim, toHandoff, toHistoryMessage } from './stored-value';

/** Options for {@link createUpstashHistory}. */
export type UpstashHistoryOptions = HistoryWindowOptions & {
  /** An `@upstash/redis` client, e.g. `Redis.fromEnv()`. */
  redis: Redis;
  /** Prefix of every key this store writes (default `history`). */
  keyPrefix?: string;
};

// Drops index members whose handoff state is gone, checked at the moment of removal: a member
// set again since it was read (its state key exists once more) is kept.
const dropExpiredHandoffs = `
for i, member in ipairs(ARGV) do
  if redis.call('EXISTS', KEYS[i + 1]) == 0 then redis.call('ZREM', KEYS[1], member) end
end
return 0`;

/**
 * Conversation memory in Upstash Redis, shared by every instance of the app.
 *
 * Layout: a list `<prefix>:{<conversation>}:messages` of JSON messages; per event id, a string
 * `<prefix>:{<conversation>}:event:<id>` holding the claim or the settled reply; the handoff
 * state as a JSON string `<prefix>:{<conversation>}:handoff` (same TTL as the messages), and a
 * sorted set `<prefix>:handoffs` indexing the conversations that have one, by `startedAt`.
 * A turn costs one request to read (`load`: claim, messages and handoff in one MULTI/EXEC) and
 * one to write (`append`: RPUSH, LTRIM, EXPIRE, the handoff and the event settlement in one
 * MULTI/EXEC).
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
  // The tag is also the conversation's member in the handoff index: it is never valid JSON, so
  // a client that parses what it reads (`automaticDeserialization`) hands it back unchanged.
  const tag = (conversationId: string) => `{${encodeURIComponent(conversationId)}}`;
  const listKey = (conversationId: string) => `${prefix}:${tag(conversationId)}:messages`;
  const eventKey = (conversationId: string, eventId: string) =>
    `${prefix}:${tag(conversationId)}:event:${encodeURIComponent(eventId)}`;
  const handoffKey = (member: string) => `${prefix}:${member}:handoff`;
  // The one key outside the conversations' slots. A transaction that writes it with a
  // conversation's keys spans two slots: fine on Upstash (not a cluster to the client), as is
  // MGET over several conversations; a Redis Cluster would refuse both.
  const indexKey = `${prefix}:handoffs`;

  return {
    async load(conversationId: string, loadOptions: HistoryLoadOptions) {
      checkLoadArguments(conversationId, loadOptions);
      const { limit, claim } = loadOptions;
      const tx = redis.multi();
      if (claim !== undefined) {
        const key = eventKey(conversationId, claim);
        tx.set(key, pendingEvent, { nx: true, ex: claimTtlSeconds });
        tx.get(key);
      }
      // LRANGE -0 -1 would return the whole list: a limit of 0 reads nothing.
      if (limit > 0) tx.lrange(listKey(conversationId), -limit, -1);
      tx.get(handoffKey(tag(conversationId)));
      const replies = await call(() => tx.exec<unknown[]>());

      const result: HistoryLoadResult = {
        messages: limit > 0 ? toMessages(replies.at(-2)) : [],
      };
      const handoff = toHandoff(replies.at(-1));
      if (handoff) result.handoff = handoff;
      if (claim !== undefined) {
        const [claimed, current] = replies;
        result.claim = claimed === 'OK' ? { status: 'claimed' } : toEventClaim(current);
      }
      return result;
    },

    async append(
      conversationId: string,
      messages: HistoryMessage[],
      appendOptions: HistoryAppendOptions = {},
    ) {
      checkAppendArguments(conversationId, appendOptions);
      const { event, handoff } = appendOptions;
      if (messages.length === 0 && !event && handoff === undefined) return;
      const tx = redis.multi();
      const list = listKey(conversationId);
      const member = tag(conversationId);
      const state = handoffKey(member);
      if (messages.length > 0) {
        tx.rpush(list, ...messages.map((message) => JSON.stringify(message)));
        tx.ltrim(list, -maxMessages, -1);
      }
      if (handoff === null) {
        tx.del(state);
        tx.zrem(indexKey, member);
      } else if (handoff) {
        // Checked above: a valid Handoff, whose `startedAt` parses.
        const stored = parseHandoff(handoff) ?? handoff;
        tx.set(state, JSON.stringify(stored), { ex: ttlSeconds });
        tx.zadd(indexKey, { score: Date.parse(stored.startedAt), member });
      }
      // Messages and handoff state are one conversation: writing either keeps both alive.
      if (messages.length > 0 || handoff !== undefined) {
        tx.expire(list, ttlSeconds);
        if (handoff === undefined) tx.expire(state, ttlSeconds);
      }
      if (event) {
        const key = eventKey(conversationId, event.id);
        if (event.reply === undefined) tx.del(key);
        else tx.set(key, doneEvent(event.reply), { ex: eventTtlSeconds });
      }
      await call(() => tx.exec());
    },

    async listHandoffs() {
      const members = (await call(() => redis.zrange<unknown[]>(indexKey, 0, -1))).filter(
        (member): member is string => typeof member === 'string',
      );
      if (members.length === 0) return [];
      const states = await call(() =>
        redis.mget<unknown[]>(...members.map((member) => handoffKey(member))),
      );
      const listed: HandedOffConversation[] = [];
      const expired: string[] = [];
      members.forEach((member, index) => {
        const stored = states[index];
        const handoff = toHandoff(stored);
        const conversationId = fromTag(member);
        // A corrupt state or a foreign member is skipped, not thrown; only expired ones are dropped.
        if (handoff && conversationId !== undefined) listed.push({ conversationId, handoff });
        else if (stored === null || stored === undefined) expired.push(member);
      });
      if (expired.length > 0) {
        const keys = [indexKey, ...expired.map((member) => handoffKey(member))];
        await call(() => redis.eval(dropExpiredHandoffs, keys, expired));
      }
      // The index is ordered by score already; sorting by the states read keeps the order
      // right even if a writer outside this store changed one.
      return listed.sort(
        (a, b) => Date.parse(a.handoff.startedAt) - Date.parse(b.handoff.startedAt),
      );
    },

    async ping() {
      await call(() => redis.ping());
    },
  };
}

/** The conversation id of an index member `{<encoded id>}`, or `undefined` if it is not one. */
function fromTag(member: string): string | undefined {
  if (!member.startsWith('{') || !member.endsWith('}')) return undefined;
  try {
    return decodeURIComponent(member.slice(1, -1));
  } catch {
    return undefined;
  }
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
