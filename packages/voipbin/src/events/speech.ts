import { z } from 'zod';
import { idSchema, timestampSchema } from '../wire';

/** Voice activity of a transcribe session (SPEC.md §3). */
export const speechEventTypes = [
  'transcribe_speech_started',
  'transcribe_speech_interim',
  'transcribe_speech_ended',
] as const;
/** One of {@link speechEventTypes}. */
export type SpeechEventType = (typeof speechEventTypes)[number];

/** `data` of a speech event: a fresh id each; `message` (partial text) on interims only. */
export const speechEventSchema = z.looseObject({
  id: idSchema,
  transcribe_id: idSchema,
  streaming_id: z.string().optional(),
  direction: z.enum(['both', 'in', 'out']),
  message: z.string().optional(),
  tm_event: timestampSchema,
});
/** A speech event. */
export type VoipbinSpeechEvent = z.infer<typeof speechEventSchema>;
