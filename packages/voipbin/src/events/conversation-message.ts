import { z } from 'zod';
import { addressSchema, idSchema, timestampSchema } from '../wire';

/**
 * Messages of a conversation (MESSAGES.md §1, §2.B). An inbound SMS yields
 * `conversation_message_created` with `direction: incoming` and the SMS's id; our own replies
 * come back as `outgoing` (created `progressing`, then updated `done` or `failed`).
 */
export const conversationMessageEventTypes = [
  'conversation_message_created',
  'conversation_message_updated',
  'conversation_message_deleted',
] as const;
/** One of {@link conversationMessageEventTypes}. */
export type ConversationMessageEventType = (typeof conversationMessageEventTypes)[number];

/**
 * A message of a conversation (`bin-conversation-manager/models/message/webhook.go`; also the
 * answer of `POST /conversations/{id}/messages`). `source`/`destination` are absolute: the remote
 * party is `source` when incoming and `destination` when outgoing.
 */
export const conversationMessageSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  conversation_id: idSchema,
  direction: z.enum(['incoming', 'outgoing']),
  /** `progressing`, `done` (accepted by message-manager, not delivered) or `failed`. */
  status: z.string(),
  /** `message` (SMS), `line`, `whatsapp`, `email`, `webchat`; kept open. */
  reference_type: z.string(),
  /** For SMS: the SMS id (equal to `id`). */
  reference_id: z.string(),
  source: addressSchema,
  destination: addressSchema,
  /** Omitted when empty. */
  text: z.string().optional(),
  /** Omitted when empty. */
  medias: z.array(z.unknown()).optional(),
  tm_create: timestampSchema,
  tm_update: timestampSchema,
  tm_delete: timestampSchema,
});
/** A message of a conversation. */
export type VoipbinConversationMessage = z.infer<typeof conversationMessageSchema>;
