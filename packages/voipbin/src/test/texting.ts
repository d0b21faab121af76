import { randomUUID } from 'node:crypto';
import type { Envelope } from './events';
import { goTime } from './events';
import type { SimulatorState } from './state';
import {
  newConversation,
  newConversationMessage,
  newMessage,
  type SimulatedConversation,
  type SimulatedConversationMessage,
  type SimulatedMessage,
  snapshot,
} from './text-events';
import type { DeliveryOptions } from './webhooks';

/** Options for {@link createTexting}. */
export type TextingOptions = {
  state: SimulatorState;
  deliver: (envelopes: Envelope[], delivery: DeliveryOptions) => Promise<void>;
  /** The simulator's current default delivery. */
  defaultDelivery: () => DeliveryOptions;
  /** Something was texted (wakes `waitUntil`). */
  onSent: () => void;
};

/** SMS and conversations as VoIPBin plays them (MESSAGES.md §1–§3), on the simulator's state. */
export type Texting = {
  /** The conversation id of (our number, sender): reserved before the first text creates it. */
  thread(self: string, peer: string, delivery?: DeliveryOptions): string;
  /** The sender texts: `message_created`, `conversation_created` (first only), `conversation_message_created`. */
  receive(conversationId: string, text: string, delivery?: DeliveryOptions): Promise<string>;
  /** `POST /conversations/{id}/messages`: answers `progressing`, then echoes in the background. */
  sendToConversation(
    conversation: SimulatedConversation,
    text: string,
  ): SimulatedConversationMessage;
  /** `POST /messages`: answers the SMS `queued`, then echoes (mirrored into conversations). */
  sendMessage(input: { from: string; to: readonly string[]; text: string }): SimulatedMessage;
  /** Sets the owner and delivers `conversation_updated`. */
  setOwner(conversation: SimulatedConversation, type: '' | 'agent', id: string): Promise<void>;
  /** Resolves once every background delivery (echoes, owner changes via REST) is done. */
  settled(): Promise<void>;
  /** Runs a delivery in the background, tracked by {@link Texting.settled}. */
  background(delivery: Promise<void>): void;
};

/** The texting half of the simulator. */
export function createTexting(options: TextingOptions): Texting {
  const { state } = options;
  const threads = new Map<string, { self: string; peer: string; delivery?: DeliveryOptions }>();
  const pending = new Set<Promise<void>>();
  let last = 0;
  // Strictly increasing times: an update must never share `tm_update` with the one before it.
  const now = () => {
    last = Math.max(Date.now(), last + 1);
    return goTime(new Date(last));
  };
  const deliveryOf = (conversationId: string) =>
    threads.get(conversationId)?.delivery ?? options.defaultDelivery();
  const customerId = () => state.customer.id;

  function thread(self: string, peer: string, delivery?: DeliveryOptions): string {
    const stored = [...state.conversations.values()].find(
      (conversation) => conversation.self.target === self && conversation.peer.target === peer,
    );
    const reserved = [...threads.entries()].find(
      ([, candidate]) => candidate.self === self && candidate.peer === peer,
    );
    const id = stored?.id ?? reserved?.[0] ?? randomUUID();
    const known = threads.get(id);
    threads.set(id, { self, peer, delivery: delivery ?? known?.delivery });
    return id;
  }

  /** The conversation of `id`, created (with its event) on first use. */
  function open(id: string, events: Envelope[]): SimulatedConversation {
    const existing = state.conversations.get(id);
    if (existing) return existing;
    const pair = threads.get(id);
    if (!pair) throw new Error(`Simulator: no text thread ${id}`);
    const conversation = newConversation({ id, customerId: customerId(), ...pair, at: now() });
    state.conversations.set(id, conversation);
    events.push(snapshot('conversation_created', conversation));
    return conversation;
  }

  function background(delivery: Promise<void>) {
    const tracked = delivery.catch(() => {});
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  }

  return {
    thread,
    background,
    async receive(conversationId, text, delivery) {
      const pair = threads.get(conversationId);
      if (!pair) throw new Error(`Simulator: no text thread ${conversationId}`);
      const sms = newMessage({
        customerId: customerId(),
        direction: 'inbound',
        from: pair.peer,
        to: [pair.self],
        text,
        at: now(),
      });
      state.messages.set(sms.id, sms);
      const events = [snapshot('message_created', sms)];
      const conversation = open(conversationId, events);
      // The conversation message takes the SMS's id (MESSAGES.md §1 step 4).
      const message = newConversationMessage({
        id: sms.id,
        conversation,
        direction: 'incoming',
        status: 'done',
        referenceId: sms.id,
        text,
        at: now(),
      });
      state.conversationMessages.set(message.id, message);
      events.push(snapshot('conversation_message_created', message));
      await options.deliver(events, delivery ?? deliveryOf(conversationId));
      return sms.id;
    },
    sendToConversation(conversation, text) {
      // One UUID for the conversation message and the SMS it sends (MESSAGES.md §2.B).
      const id = randomUUID();
      const at = now();
      const message = newConversationMessage({
        id,
        conversation,
        direction: 'outgoing',
        status: 'progressing',
        referenceId: id,
        text,
        at,
      });
      state.conversationMessages.set(id, message);
      const sms = newMessage({
        id,
        customerId: customerId(),
        direction: 'outbound',
        from: conversation.self.target,
        to: [conversation.peer.target],
        text,
        at,
      });
      state.messages.set(id, sms);
      const answer = structuredClone(message);
      const events = [
        snapshot('conversation_message_created', message),
        snapshot('message_created', sms),
      ];
      message.status = 'done';
      message.tm_update = now();
      events.push(snapshot('conversation_message_updated', message));
      state.sentTexts.push({
        conversationId: conversation.id,
        messageId: id,
        text,
        via: 'conversation',
        at: Date.now(),
      });
      options.onSent();
      background(options.deliver(events, deliveryOf(conversation.id)));
      return answer;
    },
    sendMessage({ from, to, text }) {
      const sms = newMessage({
        customerId: customerId(),
        direction: 'outbound',
        from,
        to,
        text,
        at: now(),
      });
      state.messages.set(sms.id, sms);
      const events = [snapshot('message_created', sms)];
      for (const peer of to) {
        // Mirrored into the (our number, peer) conversation as outgoing and done.
        const conversation = open(thread(from, peer), events);
        const message = newConversationMessage({
          id: randomUUID(),
          conversation,
          direction: 'outgoing',
          status: 'done',
          referenceId: sms.id,
          text,
          at: now(),
        });
        state.conversationMessages.set(message.id, message);
        events.push(snapshot('conversation_message_created', message));
        state.sentTexts.push({
          conversationId: conversation.id,
          messageId: sms.id,
          text,
          via: 'message',
          at: Date.now(),
        });
      }
      options.onSent();
      background(options.deliver(events, options.defaultDelivery()));
      return structuredClone(sms);
    },
    setOwner(conversation, type, id) {
      conversation.owner_type = type;
      conversation.owner_id = id;
      conversation.tm_update = now();
      const event = snapshot('conversation_updated', conversation);
      return options.deliver([event], deliveryOf(conversation.id));
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
