import type { Handoff } from '../handoff';
import type {
  EventClaim,
  HandedOffConversation,
  HistoryAppendOptions,
  HistoryLoadOptions,
  HistoryLoadResult,
  HistoryStore,
} from '../history-store';
import type { HistoryMessage } from '../messages';
import {
  checkAppendArguments,
  checkLoadArguments,
  type HistoryWindowOptions,
  parseHandoff,
  parseHistoryMessage,
  resolveHistoryWindow,
} from './store-support';

/** Options for {@link createMemoryHistory}. */
export type MemoryHistoryOptions = HistoryWindowOptions & {
  /** The clock, in milliseconds since the epoch (default `Date.now`); inject one in tests. */
  now?: () => number;
};

type Conversation = { entries: HistoryMessage[]; handoff?: Handoff; expiresAt: number };
type EventEntry = { reply?: string; expiresAt: number };

const sweepIntervalMs = 60_000;

/**
 * Conversation memory in this process: the zero-config default `HistoryStore`.
 * Messages are kept as validated copies (a value that is not a message is skipped, as the other
 * stores skip an invalid entry on load) and handed out as copies, trimmed to the newest
 * `maxMessages`, and forgotten `ttlSeconds` after the last append; expired entries are dropped
 * lazily. Everything is lost when the process exits: use `createUpstashHistory` from
 * `@org/history` to share memory between instances.
 *
 * @example
 * ```ts
 * const history = createMemoryHistory({ maxMessages: 20 });
 * const { messages, claim } = await history.load('user-42', { limit: 10, claim: 'webhook-7' });
 * if (claim?.status === 'claimed') {
 *   const now = new Date().toISOString();
 *   const turn = [
 *     { role: 'user' as const, content: 'Hi', createdAt: now },
 *     { role: 'assistant' as const, content: 'Hello!', createdAt: now },
 *   ];
 *   await history.append('user-42', turn, { event: { id: 'webhook-7', reply: 'Hello!' } });
 * }
 * ```
 */
export function createMemoryHistory(options: MemoryHistoryOptions = {}): HistoryStore {
  const window = resolveHistoryWindow(options);
  const maxMessages = window.maxMessages;
  const ttlMs = window.ttlSeconds * 1000;
  const claimTtlMs = window.claimTtlSeconds * 1000;
  const eventTtlMs = window.eventTtlSeconds * 1000;
  const now = options.now ?? Date.now;
  const conversations = new Map<string, Conversation>();
  const events = new Map<string, EventEntry>();
  let lastSweep = now();

  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string, at: number) => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= at) map.delete(key);
    return entry && entry.expiresAt > at ? entry : undefined;
  };

  const sweep = (at: number) => {
    if (at - lastSweep < sweepIntervalMs) return;
    lastSweep = at;
    for (const map of [conversations, events] as Map<string, { expiresAt: number }>[]) {
      for (const [key, entry] of map) if (entry.expiresAt <= at) map.delete(key);
    }
  };

  const claimEvent = (key: string, at: number): EventClaim => {
    const entry = live(events, key, at);
    if (!entry) {
      events.set(key, { expiresAt: at + claimTtlMs });
      return { status: 'claimed' };
    }
    return entry.reply === undefined
      ? { status: 'pending' }
      : { status: 'done', reply: entry.reply };
  };

  return {
    async load(conversationId: string, loadOptions: HistoryLoadOptions) {
      checkLoadArguments(conversationId, loadOptions);
      const { limit, claim } = loadOptions;
      const at = now();
      sweep(at);
      const conversation = live(conversations, conversationId, at);
      const entries = limit === 0 ? [] : (conversation?.entries.slice(-limit) ?? []);
      // Copies: a caller changing what it loaded changes nothing stored.
      const result: HistoryLoadResult = { messages: entries.map((message) => ({ ...message })) };
      if (conversation?.handoff) result.handoff = { ...conversation.handoff };
      if (claim !== undefined) result.claim = claimEvent(eventKey(conversationId, claim), at);
      return result;
    },

    async append(
      conversationId: string,
      messages: HistoryMessage[],
      appendOptions: HistoryAppendOptions = {},
    ) {
      checkAppendArguments(conversationId, appendOptions);
      const { event, handoff } = appendOptions;
      const at = now();
      sweep(at);
      if (messages.length > 0 || handoff !== undefined) {
        const conversation = live(conversations, conversationId, at) ?? {
          entries: [],
          expiresAt: 0,
        };
        for (const message of messages) {
          const copy = parseHistoryMessage(message);
          if (copy) conversation.entries.push(copy);
        }
        conversation.entries.splice(0, Math.max(0, conversation.entries.length - maxMessages));
        if (handoff === null) delete conversation.handoff;
        else if (handoff) conversation.handoff = parseHandoff(handoff);
        conversation.expiresAt = at + ttlMs;
        conversations.set(conversationId, conversation);
      }
      if (!event) return;
      const key = eventKey(conversationId, event.id);
      if (event.reply === undefined) events.delete(key);
      else events.set(key, { reply: event.reply, expiresAt: at + eventTtlMs });
    },

    async listHandoffs() {
      const at = now();
      const handedOff: HandedOffConversation[] = [];
      for (const [conversationId, conversation] of conversations) {
        if (conversation.expiresAt > at && conversation.handoff) {
          handedOff.push({ conversationId, handoff: { ...conversation.handoff } });
        }
      }
      return handedOff.sort(
        (a, b) => Date.parse(a.handoff.startedAt) - Date.parse(b.handoff.startedAt),
      );
    },

    async ping() {},
  };
}

const eventKey = (conversationId: string, eventId: string) =>
  JSON.stringify([conversationId, eventId]);
