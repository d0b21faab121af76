import { z } from 'zod';
import { idSchema } from '../wire';
import { type Page, pageOrArraySchema, pageQuery } from './page';
import { type RequestOptions, requestJson } from './request';

/** A Speaking session: streaming TTS on a call (SPEC.md §3). */
export const speakingSchema = z.looseObject({
  id: idSchema,
  reference_type: z.string().optional(),
  reference_id: z.string().optional(),
  /** `active` on create, `stopped` after stop. */
  status: z.string().optional(),
});
/** A Speaking session. */
export type VoipbinSpeaking = z.infer<typeof speakingSchema>;

/** Body of `POST /speakings`. */
export type SpeakingInput = {
  reference_type: 'call';
  reference_id: string;
  language: string;
  /** Default `elevenlabs`. */
  provider?: string;
  voice_id?: string;
  /** Use `both`: the meaning of `in`/`out` is disputed (SPEC.md §3). */
  direction: 'both' | 'in' | 'out';
};

/** `/speakings`: one streaming TTS session per call, with barge-in. */
export type SpeakingsResource = {
  /**
   * `GET /speakings`: one page of 100 of the customer's sessions, after `pageToken`. Accepts the
   * page envelope and the bare array of the OpenAPI (which has no next page token).
   */
  list(pageToken?: string): Promise<Page<VoipbinSpeaking>>;
  /** `POST /speakings` (one active session per call; a second create fails). */
  create(input: SpeakingInput): Promise<VoipbinSpeaking>;
  /** `POST /speakings/{id}/say`: queues `text` (≤ 5000 characters). Not idempotent. */
  say(speakingId: string, text: string): Promise<VoipbinSpeaking>;
  /** `POST /speakings/{id}/flush`: stops the current speech and clears the queue (idempotent). */
  flush(speakingId: string): Promise<VoipbinSpeaking>;
  /** `POST /speakings/{id}/stop` (idempotent). */
  stop(speakingId: string): Promise<VoipbinSpeaking>;
};

/** The speakings resource over `request`. */
export function createSpeakingsResource(request: RequestOptions): SpeakingsResource {
  const path = (speakingId: string, action: string) =>
    `/speakings/${encodeURIComponent(speakingId)}/${action}`;
  return {
    list: (pageToken) =>
      requestJson(
        request,
        { method: 'GET', path: '/speakings', query: pageQuery(pageToken) },
        pageOrArraySchema(speakingSchema),
      ),
    create: (body) =>
      requestJson(request, { method: 'POST', path: '/speakings', body }, speakingSchema),
    say: (speakingId, text) =>
      requestJson(
        request,
        { method: 'POST', path: path(speakingId, 'say'), body: { text } },
        speakingSchema,
      ),
    flush: (speakingId) =>
      requestJson(
        request,
        { method: 'POST', path: path(speakingId, 'flush'), idempotent: true },
        speakingSchema,
      ),
    stop: (speakingId) =>
      requestJson(
        request,
        { method: 'POST', path: path(speakingId, 'stop'), idempotent: true },
        speakingSchema,
      ),
  };
}
