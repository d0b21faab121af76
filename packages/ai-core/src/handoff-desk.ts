import { z } from 'zod';
import { AiCoreError } from './errors';
import type { Handoff } from './handoff';
import type { HandedOffConversation, HistoryStore } from './history-store';
import type { HistoryMessage } from './messages';
import { parseOrThrow } from './validation';

/** Options for {@link createHandoffDesk}. */
export type HandoffDeskOptions = {
  /** The assistant's history store: the desk reads and writes the same conversations. */
  history: HistoryStore;
  /** The clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
};

/** What an operator sends: {@link HandoffDesk.reply}'s input. */
export type OperatorReply = {
  /** The message, 1–4,000 characters once trimmed. */
  text: string;
  /** The name the operator gives the customer, 1–80 characters. */
  operator: string;
  /** An id for this message: the same id twice stores it once. */
  messageId?: string;
};

/** A handoff started from outside a turn: {@link HandoffDesk.start}'s input. */
export type HandoffStart = Omit<Handoff, 'startedAt'> & { startedAt?: string };

/**
 * The team's side of handed-off conversations: what an operator console or API needs. The
 * assistant hands conversations over (`AssistantOptions.handoff`); the desk lists them, lets a
 * person answer, and gives them back.
 */
export type HandoffDesk = {
  /** Conversations with a handoff state (`active` and `callback`), oldest first. */
  list(options?: { channels?: readonly string[] }): Promise<HandedOffConversation[]>;
  /** A conversation's handoff state (`undefined` when none) and its newest messages. */
  read(
    conversationId: string,
    options?: { limit?: number },
  ): Promise<{ handoff: Handoff | undefined; messages: HistoryMessage[] }>;
  /**
   * Stores an operator's message (role `operator`, `name` = the operator) for the channel to
   * deliver; a `callback` conversation becomes `active` (a person has taken it). Throws
   * `not_handed_off` when the conversation has no handoff state. With `messageId`, a repeat
   * stores nothing and resolves with the message stored the first time (`replayed: true`).
   */
  reply(
    conversationId: string,
    input: OperatorReply,
  ): Promise<{ message: HistoryMessage; handoff: Handoff; replayed: boolean }>;
  /** Gives the conversation back to the assistant. Throws `not_handed_off` when it has no state. */
  release(conversationId: string): Promise<void>;
  /** Hands a conversation to a person from outside a turn (e.g. a phone transfer); returns the state. */
  start(conversationId: string, handoff: HandoffStart): Promise<Handoff>;
};

const replySchema = z.object({
  text: z.string().trim().min(1, 'text must not be empty').max(4000),
  operator: z.string().trim().min(1, 'operator must not be empty').max(80),
  messageId: z.string().min(1).max(200).optional(),
});

const notHandedOff = (conversationId: string) =>
  new AiCoreError('not_handed_off', {
    message: `Conversation ${JSON.stringify(conversationId)} is not handed off to a person`,
  });

/**
 * The desk for a history store.
 *
 * @example
 * ```ts
 * const desk = createHandoffDesk({ history })
 * for (const { conversationId, handoff } of await desk.list({ channels: ['chat'] })) {
 *   console.log(conversationId, handoff.summary)
 * }
 * await desk.reply('session-1', { text: 'Hi, Sam here. Let me look into it.', operator: 'Sam' })
 * await desk.release('session-1') // the assistant answers again, knowing what Sam wrote
 * ```
 */
export function createHandoffDesk(options: HandoffDeskOptions): HandoffDesk {
  const { history } = options;
  const now = options.now ?? (() => new Date());

  return {
    async list(listOptions = {}) {
      const all = await history.listHandoffs();
      const { channels } = listOptions;
      return channels ? all.filter(({ handoff }) => channels.includes(handoff.channel)) : all;
    },

    async read(conversationId, readOptions = {}) {
      const { messages, handoff } = await history.load(conversationId, {
        limit: readOptions.limit ?? 50,
      });
      return { handoff, messages };
    },

    async reply(conversationId, input) {
      const { text, operator, messageId } = parseOrThrow(replySchema, input, 'operator reply');
      const loaded = await history.load(conversationId, {
        limit: 0,
        ...(messageId ? { claim: `operator:${messageId}` } : {}),
      });
      const current = loaded.handoff;
      const eventId = messageId ? `operator:${messageId}` : undefined;
      if (loaded.claim && loaded.claim.status !== 'claimed') {
        // Stored before (or being stored now): nothing more is stored; the stored message is
        // handed back, the same for every repeat, for a deliverer that sends each message once.
        if (!current) throw notHandedOff(conversationId);
        const { messages } = await history.load(conversationId, { limit: 100 });
        const stored = messages.findLast((message) => message.eventId === eventId);
        const message = stored ?? {
          role: 'operator',
          content: text,
          createdAt: now().toISOString(),
          name: operator,
          channel: current.channel,
          ...(eventId ? { eventId } : {}),
        };
        return { message, handoff: current, replayed: true };
      }
      const message: HistoryMessage = {
        role: 'operator',
        content: text,
        createdAt: now().toISOString(),
        name: operator,
        channel: current?.channel ?? 'operator',
        ...(eventId ? { eventId } : {}),
      };
      const event = eventId ? { id: eventId } : undefined;
      if (!current) {
        if (event) await history.append(conversationId, [], { event });
        throw notHandedOff(conversationId);
      }
      const handoff: Handoff = { ...current, status: 'active', operator };
      await history.append(conversationId, [message], {
        handoff,
        ...(event ? { event: { ...event, reply: text } } : {}),
      });
      return { message, handoff, replayed: false };
    },

    async release(conversationId) {
      const { handoff } = await history.load(conversationId, { limit: 0 });
      if (!handoff) throw notHandedOff(conversationId);
      await history.append(conversationId, [], { handoff: null });
    },

    async start(conversationId, start) {
      const handoff: Handoff = { ...start, startedAt: start.startedAt ?? now().toISOString() };
      await history.append(conversationId, [], { handoff });
      return handoff;
    },
  };
}
