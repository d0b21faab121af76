import { z } from 'zod';

/**
 * Zod schemas of what VoIPBin sends us and answers, written from SPEC.md and
 * ../shared/voipbin/schemas. Objects are loose: VoIPBin adds fields, we read the ones we use.
 */

/** Go emits unset UUIDs as all zeros; treat them as absent. */
export const nilUuid = '00000000-0000-0000-0000-000000000000';

const id = z.string().min(1);
/** Go `time.Time` (RFC 3339) or the older `YYYY-MM-DD hh:mm:ss` form; null/missing means unset. */
const timestamp = z.string().nullish();

/** `{ "type": "<event_type>", "data": { ... } }`: every customer webhook. */
export const webhookEnvelopeSchema = z.object({
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const callEventTypes = [
  'call_created',
  'call_updated',
  'call_deleted',
  'call_dialing',
  'call_ringing',
  'call_progressing',
  'call_terminating',
  'call_canceling',
  'call_hangup',
] as const;

export const callSchema = z.looseObject({
  id,
  customer_id: z.string().optional(),
  activeflow_id: z.string().optional(),
  status: z.enum(['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup']),
  direction: z.enum(['incoming', 'outgoing']).optional(),
  source: z.looseObject({ type: z.string().optional(), target: z.string().optional() }).optional(),
  hangup_reason: z.string().optional(),
  tm_update: timestamp,
});
export type VoipbinCall = z.infer<typeof callSchema>;

export const transcribeSchema = z.looseObject({
  id,
  reference_type: z.string(),
  reference_id: z.string(),
  status: z.string().optional(),
  language: z.string().optional(),
  direction: z.enum(['both', 'in', 'out']).optional(),
  tm_update: timestamp,
});
export type VoipbinTranscribe = z.infer<typeof transcribeSchema>;

export const transcriptSchema = z.looseObject({
  id,
  transcribe_id: id,
  direction: z.enum(['both', 'in', 'out']),
  message: z.string(),
  tm_transcript: timestamp,
  tm_create: timestamp,
});
export type VoipbinTranscript = z.infer<typeof transcriptSchema>;

export const speechEventSchema = z.looseObject({
  id,
  transcribe_id: id,
  streaming_id: z.string().optional(),
  direction: z.enum(['both', 'in', 'out']),
  message: z.string().optional(),
  tm_event: timestamp,
});
export type VoipbinSpeechEvent = z.infer<typeof speechEventSchema>;

/** The events the gateway acts on, as a discriminated union. */
export type VoiceEvent =
  | { type: (typeof callEventTypes)[number]; data: VoipbinCall }
  | {
      type: 'transcribe_created' | 'transcribe_progressing' | 'transcribe_done';
      data: VoipbinTranscribe;
    }
  | { type: 'transcript_created'; data: VoipbinTranscript }
  | {
      type: 'transcribe_speech_started' | 'transcribe_speech_interim' | 'transcribe_speech_ended';
      data: VoipbinSpeechEvent;
    };

const dataSchemaByType: Record<string, z.ZodType> = {
  ...Object.fromEntries(callEventTypes.map((type) => [type, callSchema])),
  transcribe_created: transcribeSchema,
  transcribe_progressing: transcribeSchema,
  transcribe_done: transcribeSchema,
  transcript_created: transcriptSchema,
  transcribe_speech_started: speechEventSchema,
  transcribe_speech_interim: speechEventSchema,
  transcribe_speech_ended: speechEventSchema,
};

/** What {@link parseVoiceEvent} makes of an envelope. */
export type ParsedEvent =
  | { kind: 'event'; event: VoiceEvent }
  | { kind: 'ignored'; type: string }
  | { kind: 'invalid'; type: string; issues: string[] };

/** Types the gateway does not handle are `ignored`; handled types with a bad `data` are `invalid`. */
export function parseVoiceEvent(envelope: WebhookEnvelope): ParsedEvent {
  const schema = dataSchemaByType[envelope.type];
  if (!schema) return { kind: 'ignored', type: envelope.type };
  const result = schema.safeParse(envelope.data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { kind: 'invalid', type: envelope.type, issues };
  }
  return { kind: 'event', event: { type: envelope.type, data: result.data } as VoiceEvent };
}

/**
 * Dedupe key per SPEC.md §7: no event id exists; call events share `data.id`, so the key adds
 * status and `tm_update`; transcripts and speech events have a fresh `data.id` each.
 */
export function dedupeKey(envelope: WebhookEnvelope): string {
  const { data, type } = envelope;
  const part = (value: unknown) => (typeof value === 'string' ? value : '');
  if (type.startsWith('call_')) {
    return [type, part(data.id), part(data.status), part(data.tm_update)].join('|');
  }
  if (type.startsWith('transcribe_') && !type.startsWith('transcribe_speech')) {
    return [type, part(data.id), part(data.status), part(data.tm_update)].join('|');
  }
  return [type, part(data.id)].join('|');
}

/** The body VoIPBin POSTs to a `fetch` action's URL. */
export const fetchRequestSchema = z.looseObject({
  activeflow_id: z.string(),
  reference_id: z.string(),
});

/** A flow action (`id` must be a fresh non-nil UUID in fetch responses). */
export const actionSchema = z.looseObject({
  id: z.string().optional(),
  next_id: z.string().optional(),
  type: z.string(),
  option: z.record(z.string(), z.unknown()).optional(),
});
export type VoipbinAction = z.infer<typeof actionSchema>;

// REST responses ------------------------------------------------------------------------------

export const speakingSchema = z.looseObject({
  id,
  reference_type: z.string().optional(),
  reference_id: z.string().optional(),
  status: z.string().optional(),
});
export type VoipbinSpeaking = z.infer<typeof speakingSchema>;

export const customerSchema = z.looseObject({
  id,
  name: z.string().optional(),
  detail: z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  address: z.string().optional(),
  webhook_method: z.string().optional(),
  webhook_uri: z.string().optional(),
  /** Returned by GET /customer (absent from the OpenAPI spec, SPEC.md §6). */
  webhook_secret: z.string().optional(),
});
export type VoipbinCustomer = z.infer<typeof customerSchema>;

export const flowSchema = z.looseObject({
  id,
  name: z.string().optional(),
  detail: z.string().optional(),
  actions: z.array(actionSchema).optional(),
});
export type VoipbinFlow = z.infer<typeof flowSchema>;

export const numberSchema = z.looseObject({
  id,
  number: z.string(),
  call_flow_id: z.string().optional(),
  message_flow_id: z.string().optional(),
});
export type VoipbinNumber = z.infer<typeof numberSchema>;

/** `{ result: [...], next_page_token }` (CommonPagination). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    result: z
      .array(item)
      .nullish()
      .transform((list) => list ?? []),
    next_page_token: z.string().nullish(),
  });
}
