import { z } from 'zod';
import { addressSchema, idSchema, isNilId, timestampSchema } from '../wire';

/**
 * Conversation events (MESSAGES.md §1, §3): `conversation_created` on a sender's first message
 * to a number, `conversation_updated` e.g. when an agent is assigned.
 */
export const conversationEventTypes = [
  'conversation_created',
  'conversation_updated',
  'conversation_deleted',
] as const;
/** One of {@link conversationEventTypes}. */
export type ConversationEventType = (typeof conversationEventTypes)[number];

/**
 * A conversation (`bin-conversation-manager/models/conversation/webhook.go`; also
 * `GET /conversations/{id}`): one per (our address `self`, their address `peer`) and channel.
 */
export const conversationSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  /** `''` (nobody) or `agent`; kept open. */
  owner_type: z.string(),
  /** The agent's id, or the nil UUID. */
  owner_id: z.string(),
  /** The conversation account (LINE, WhatsApp); the nil UUID for SMS. */
  account_id: z.string().optional(),
  /** `SMS · <peer>` for SMS. */
  name: z.string().optional(),
  detail: z.string().optional(),
  /** `message` (SMS), `line`, `whatsapp`, `email`, `webchat`; kept open. */
  type: z.string(),
  /** Empty, so absent, for SMS. */
  dialog_id: z.string().optional(),
  self: addressSchema,
  peer: addressSchema,
  tm_create: timestampSchema,
  tm_update: timestampSchema,
  tm_delete: timestampSchema,
});
/** A conversation. */
export type VoipbinConversation = z.infer<typeof conversationSchema>;

/**
 * True when a person owns the conversation (MESSAGES.md §7 "handoff"): VoIPBin then runs no
 * message flow, and an AI should stay quiet too.
 */
export function isOwnedByAgent(
  conversation: Pick<VoipbinConversation, 'owner_type' | 'owner_id'>,
): boolean {
  return conversation.owner_type !== '' || !isNilId(conversation.owner_id);
}
