import { z } from 'zod';
import { idSchema, timestampSchema } from '../wire';

/** Lifecycle of a speech-to-text session (SPEC.md §3). */
export const transcribeEventTypes = [
  'transcribe_created',
  'transcribe_progressing',
  'transcribe_done',
] as const;
/** One of {@link transcribeEventTypes}. */
export type TranscribeEventType = (typeof transcribeEventTypes)[number];

/**
 * A transcribe session (events and `GET /transcribes/{id}`): `reference_id` is the call id,
 * the only link from a transcript back to its call.
 */
export const transcribeSchema = z.looseObject({
  id: idSchema,
  reference_type: z.string(),
  reference_id: z.string(),
  status: z.string().optional(),
  language: z.string().optional(),
  direction: z.enum(['both', 'in', 'out']).optional(),
  tm_update: timestampSchema,
});
/** A transcribe session. */
export type VoipbinTranscribe = z.infer<typeof transcribeSchema>;
