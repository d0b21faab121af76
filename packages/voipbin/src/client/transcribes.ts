import { transcribeSchema, type VoipbinTranscribe } from '../events/transcribe';
import { type RequestOptions, requestJson } from './request';

/** `/transcribes`: speech-to-text sessions. */
export type TranscribesResource = {
  /** `GET /transcribes/{id}`: maps a transcript's `transcribe_id` to its call (`reference_id`). */
  get(transcribeId: string): Promise<VoipbinTranscribe>;
};

/** The transcribes resource over `request`. */
export function createTranscribesResource(request: RequestOptions): TranscribesResource {
  return {
    get: (transcribeId) =>
      requestJson(
        request,
        { method: 'GET', path: `/transcribes/${encodeURIComponent(transcribeId)}` },
        transcribeSchema,
      ),
  };
}
