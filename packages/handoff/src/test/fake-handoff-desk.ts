import { AiCoreError, type Handoff, type HandoffDesk, type HistoryMessage } from '@org/ai-core';

type Conversation = { messages: HistoryMessage[]; handoff?: Handoff };

/** A desk over a map, as the spec of `HandoffDesk` says, for the route tests. */
export function createFakeHandoffDesk(now: () => Date = () => new Date()) {
  const conversations = new Map<string, Conversation>();
  const replies = new Map<string, { message: HistoryMessage }>();
  const notHandedOff = () => new AiCoreError('not_handed_off', { message: 'not handed off' });

  const desk: HandoffDesk = {
    async list(options = {}) {
      return [...conversations]
        .flatMap(([conversationId, { handoff }]) => (handoff ? [{ conversationId, handoff }] : []))
        .filter(({ handoff }) => !options.channels || options.channels.includes(handoff.channel))
        .sort((a, b) => Date.parse(a.handoff.startedAt) - Date.parse(b.handoff.startedAt));
    },
    async read(conversationId, options = {}) {
      const conversation = conversations.get(conversationId);
      const limit = options.limit ?? 50;
      return {
        handoff: conversation?.handoff,
        messages: limit === 0 ? [] : (conversation?.messages.slice(-limit) ?? []),
      };
    },
    async reply(conversationId, input) {
      const conversation = conversations.get(conversationId);
      const handoff = conversation?.handoff;
      if (!conversation || !handoff) throw notHandedOff();
      const key = input.messageId && `${conversationId}:${input.messageId}`;
      const earlier = key ? replies.get(key) : undefined;
      if (earlier) return { message: earlier.message, handoff, replayed: true };
      const message: HistoryMessage = {
        role: 'operator',
        content: input.text.trim(),
        createdAt: now().toISOString(),
        name: input.operator.trim(),
        channel: handoff.channel,
      };
      conversation.messages.push(message);
      conversation.handoff = { ...handoff, status: 'active', operator: message.name as string };
      if (key) replies.set(key, { message });
      return { message, handoff: conversation.handoff, replayed: false };
    },
    async release(conversationId) {
      const conversation = conversations.get(conversationId);
      if (!conversation?.handoff) throw notHandedOff();
      delete conversation.handoff;
    },
    async start(conversationId, start) {
      const handoff = { ...start, startedAt: start.startedAt ?? now().toISOString() };
      const conversation = conversations.get(conversationId) ?? { messages: [] };
      conversations.set(conversationId, { ...conversation, handoff });
      return handoff;
    },
  };

  /** Adds messages and sets (or leaves) the handoff state, as a turn would. */
  async function seed(conversationId: string, messages: HistoryMessage[], handoff?: Handoff) {
    const conversation = conversations.get(conversationId) ?? { messages: [] };
    conversation.messages.push(...messages);
    if (handoff) conversation.handoff = handoff;
    conversations.set(conversationId, conversation);
  }

  return { desk, seed };
}
