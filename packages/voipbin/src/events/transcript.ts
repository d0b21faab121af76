import { z } from 'zod';
import { idSchema, timestampSchema } from '../wire';

/** A final speech-to-text segment (SPEC.md §3). */
export const transcriptEventTypes = ['transcript_created'] as const;
/** One of {@link transcriptEventTypes}. */
export type TranscriptEventType = (typeof transcriptEventTypes)[number];

/** `data` of `transcript_created`: a fresh id per segment and no call id, only `transcribe_id`. */
export const transcriptSchema = z.looseObject({
  id: idSchema,
  transcribe_id: idSchema,
  direction: z.enum(['both', 'in', 'out']),
  message: z.string(),
  /** Offset since the stream start, encoded as a year-0001 timestamp. */
  tm_transcript: timestampSchema,
  tm_create: timestampSchema,
});
/** One final transcript segment. */
export type VoipbinTranscript = z.infer<typeof transcriptSchema>;
