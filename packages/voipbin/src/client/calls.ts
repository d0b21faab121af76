import { z } from 'zod';
import { type RequestOptions, requestJson } from './request';

/** Body of `POST /calls/{id}/talk`. */
export type TalkInput = { text: string; language: string; provider?: string; voice_id?: string };

/** `/calls/{id}/…`: speak on a call without a Speaking session, and hang up. */
export type CallsResource = {
  /**
   * `POST /calls/{id}/talk`: plays TTS on the call (the fallback when no Speaking session is
   * available). Not idempotent: retried only when VoIPBin certainly did not act.
   */
  talk(callId: string, input: TalkInput): Promise<void>;
  /** `POST /calls/{id}/hangup` (idempotent). */
  hangup(callId: string): Promise<void>;
};

const anything = z.unknown();

/** The calls resource over `request`. */
export function createCallsResource(request: RequestOptions): CallsResource {
  const path = (callId: string, action: string) => `/calls/${encodeURIComponent(callId)}/${action}`;
  return {
    async talk(callId, body) {
      await requestJson(request, { method: 'POST', path: path(callId, 'talk'), body }, anything);
    },
    async hangup(callId) {
      await requestJson(
        request,
        { method: 'POST', path: path(callId, 'hangup'), idempotent: true },
        anything,
      );
    },
  };
}
