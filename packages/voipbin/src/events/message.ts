import { z } from 'zod';
import { addressSchema, idSchema, timestampSchema } from '../wire';

/** SMS events of message-manager (MESSAGES.md §1); an inbound SMS is `message_created`. */
export const messageEventTypes = ['message_created', 'message_updated', 'message_deleted'] as const;
/** One of {@link messageEventTypes}. */
export type MessageEventType = (typeof messageEventTypes)[number];

/**
 * One destination of an SMS. `status` is one of `received, queued, gw_timeout, sent,
 * dlr_timeout, failed, delivered`, but providers' statuses pass through unchecked: an open string.
 */
export const messageTargetSchema = z.looseObject({
  destination: addressSchema,
  status: z.string(),
  /** Segments, as the provider reports them (0 until it does). */
  parts: z.number().optional(),
  tm_update: timestampSchema,
});
/** One destination of an SMS. */
export type VoipbinMessageTarget = z.infer<typeof messageTargetSchema>;

/**
 * An SMS (`bin-message-manager/models/message/webhook.go`; also the answer of `POST /messages`).
 * Status lives per target, not on the message.
 */
export const messageSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  /** `sms`. */
  type: z.string(),
  source: addressSchema,
  targets: z
    .array(messageTargetSchema)
    .nullish()
    .transform((targets) => targets ?? []),
  text: z.string().optional(),
  direction: z.enum(['inbound', 'outbound']),
  tm_create: timestampSchema,
  tm_update: timestampSchema,
  tm_delete: timestampSchema,
});
/** An SMS, inbound or outbound. */
export type VoipbinMessage = z.infer<typeof messageSchema>;
