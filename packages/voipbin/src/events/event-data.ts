import type { z } from 'zod';
import { type CallEventType, callEventTypes, callSchema } from './call';
import { type ConferenceEventType, conferenceEventTypes, conferenceSchema } from './conference';
import {
  type ConversationEventType,
  conversationEventTypes,
  conversationSchema,
} from './conversation';
import {
  type ConversationMessageEventType,
  conversationMessageEventTypes,
  conversationMessageSchema,
} from './conversation-message';
import type { WebhookEnvelope } from './envelope';
import { type MessageEventType, messageEventTypes, messageSchema } from './message';
import { type SpeechEventType, speechEventSchema, speechEventTypes } from './speech';
import { type TranscribeEventType, transcribeEventTypes, transcribeSchema } from './transcribe';
import { type TranscriptEventType, transcriptEventTypes, transcriptSchema } from './transcript';

/** The `data` schema of every event type this package knows, by type. */
export type EventDataSchemas = Record<CallEventType, typeof callSchema> &
  Record<ConferenceEventType, typeof conferenceSchema> &
  Record<TranscribeEventType, typeof transcribeSchema> &
  Record<TranscriptEventType, typeof transcriptSchema> &
  Record<SpeechEventType, typeof speechEventSchema> &
  Record<MessageEventType, typeof messageSchema> &
  Record<ConversationEventType, typeof conversationSchema> &
  Record<ConversationMessageEventType, typeof conversationMessageSchema>;

/** Every event type this package knows. */
export type EventType = keyof EventDataSchemas;

function family<TType extends string, TSchema extends z.ZodType>(
  types: readonly TType[],
  schema: TSchema,
): Record<TType, TSchema> {
  return Object.fromEntries(types.map((type) => [type, schema])) as Record<TType, TSchema>;
}

/**
 * The `data` schema of each known event type: what the account's webhook receives for calls,
 * conferences, speech to text, SMS and conversations. Schemas are loose: unknown fields pass through.
 *
 * @example
 * const data = eventDataSchemas.conversation_message_created.parse(envelope.data);
 */
export const eventDataSchemas: EventDataSchemas = {
  ...family(callEventTypes, callSchema),
  ...family(conferenceEventTypes, conferenceSchema),
  ...family(transcribeEventTypes, transcribeSchema),
  ...family(transcriptEventTypes, transcriptSchema),
  ...family(speechEventTypes, speechEventSchema),
  ...family(messageEventTypes, messageSchema),
  ...family(conversationEventTypes, conversationSchema),
  ...family(conversationMessageEventTypes, conversationMessageSchema),
};

/** A known event with its parsed `data`, discriminated by `type`. */
export type VoipbinEvent = {
  [TType in EventType]: { type: TType; data: z.infer<EventDataSchemas[TType]> };
}[EventType];

/** What {@link parseEvent} makes of an envelope. */
export type ParsedEvent =
  | ({ kind: 'event' } & VoipbinEvent)
  | { kind: 'unknown'; type: string }
  | { kind: 'invalid'; type: string; issues: string[] };

/** True when `type` is one of {@link eventDataSchemas}' keys. */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventDataSchemas, type);
}

/**
 * Parses `envelope.data` with the schema of its type: a known type with good data is an
 * `event`, a known type with bad data is `invalid` (with readable issues), any other type is
 * `unknown` (VoIPBin has more event families than a gateway handles).
 *
 * @example
 * const parsed = parseEvent(envelope);
 * if (parsed.kind === 'event' && parsed.type === 'conversation_message_created') {
 *   if (parsed.data.direction === 'incoming') await answer(parsed.data);
 * }
 */
export function parseEvent(envelope: WebhookEnvelope): ParsedEvent {
  const { type } = envelope;
  if (!isEventType(type)) return { kind: 'unknown', type };
  const result = (eventDataSchemas[type] as z.ZodType).safeParse(envelope.data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { kind: 'invalid', type, issues };
  }
  return { kind: 'event', type, data: result.data } as ParsedEvent;
}
