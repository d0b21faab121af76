import { randomUUID } from 'node:crypto';
import { nilUuid } from '../wire';
import type { Envelope } from './events';

/** An address as Go renders it for SMS: only `type` and `target` (the rest is `omitempty`). */
export type TelAddress = { type: 'tel'; target: string };

/** A conversation as VoIPBin stores and sends it (MESSAGES.md §1). */
export type SimulatedConversation = {
  id: string;
  customer_id: string;
  owner_type: '' | 'agent';
  owner_id: string;
  account_id: string;
  name: string;
  type: 'message';
  self: TelAddress;
  peer: TelAddress;
  tm_create: string;
  tm_update: string | null;
  tm_delete: null;
};

/** A message of a conversation (`conversation_message_*` data). */
export type SimulatedConversationMessage = {
  id: string;
  customer_id: string;
  conversation_id: string;
  direction: 'incoming' | 'outgoing';
  status: 'progressing' | 'done' | 'failed';
  reference_type: 'message';
  reference_id: string;
  source: TelAddress;
  destination: TelAddress;
  text: string;
  tm_create: string;
  tm_update: string | null;
  tm_delete: null;
};

/** An SMS (`message_*` data, and the answer of `POST /messages`). */
export type SimulatedMessage = {
  id: string;
  customer_id: string;
  type: 'sms';
  source: TelAddress;
  targets: { destination: TelAddress; status: string; parts: number; tm_update: string | null }[];
  text: string;
  direction: 'inbound' | 'outbound';
  tm_create: string;
  tm_update: string | null;
  tm_delete: null;
};

/** A `tel` address. */
export const tel = (target: string): TelAddress => ({ type: 'tel', target });

/**
 * An envelope holding a copy of `data` as it is now: the resource may change (a status turns
 * `done`) before the webhook goes out, as VoIPBin publishes a snapshot too.
 */
export function snapshot(type: string, data: object): Envelope {
  return { type, data: structuredClone(data) as Record<string, unknown> };
}

/** A new SMS conversation between our number (`self`) and a sender (`peer`). */
export function newConversation(options: {
  id: string;
  customerId: string;
  self: string;
  peer: string;
  at: string;
}): SimulatedConversation {
  return {
    id: options.id,
    customer_id: options.customerId,
    owner_type: '',
    owner_id: nilUuid,
    account_id: nilUuid,
    name: `SMS · ${options.peer}`,
    type: 'message',
    self: tel(options.self),
    peer: tel(options.peer),
    tm_create: options.at,
    tm_update: null,
    tm_delete: null,
  };
}

/** An SMS: inbound targets are `received` with one part, outbound ones `queued` with none yet. */
export function newMessage(options: {
  id?: string;
  customerId: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: readonly string[];
  text: string;
  at: string;
}): SimulatedMessage {
  const inbound = options.direction === 'inbound';
  return {
    id: options.id ?? randomUUID(),
    customer_id: options.customerId,
    type: 'sms',
    source: tel(options.from),
    targets: options.to.map((target) => ({
      destination: tel(target),
      status: inbound ? 'received' : 'queued',
      parts: inbound ? 1 : 0,
      tm_update: null,
    })),
    text: options.text,
    direction: options.direction,
    tm_create: options.at,
    tm_update: null,
    tm_delete: null,
  };
}

/**
 * A message of `conversation`: incoming ones come from the peer and are `done` at once;
 * outgoing ones go to the peer. For SMS `reference_id` is the SMS id.
 */
export function newConversationMessage(options: {
  id: string;
  conversation: SimulatedConversation;
  direction: 'incoming' | 'outgoing';
  status: SimulatedConversationMessage['status'];
  referenceId: string;
  text: string;
  at: string;
}): SimulatedConversationMessage {
  const { conversation } = options;
  const incoming = options.direction === 'incoming';
  return {
    id: options.id,
    customer_id: conversation.customer_id,
    conversation_id: conversation.id,
    direction: options.direction,
    status: options.status,
    reference_type: 'message',
    reference_id: options.referenceId,
    source: incoming ? conversation.peer : conversation.self,
    destination: incoming ? conversation.self : conversation.peer,
    text: options.text,
    tm_create: options.at,
    tm_update: null,
    tm_delete: null,
  };
}
