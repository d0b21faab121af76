import { z } from 'zod';
import type { VoipbinAction } from '../actions';
import { callSchema } from '../events/call';
import { type AddressInput, idSchema } from '../wire';
import { type RequestOptions, requestJson } from './request';

/** Body of `POST /calls/{id}/talk`. */
export type TalkInput = { text: string; language: string; provider?: string; voice_id?: string };

/** Body of `POST /calls` (SPEC.md §6, HANDOFF.md §1.3): give `actions` or `flow_id`. */
export type CreateCallInput = {
  /** One of the account's own active `normal` numbers (no caller-ID pass-through). */
  source: AddressInput;
  /** One leg per destination; an `agent` destination rings as a groupcall. */
  destinations: AddressInput[];
  /** Run by each leg once answered, e.g. `talk` a briefing, then `conference_join`. */
  actions?: VoipbinAction[];
  /** A stored flow instead of `actions` (wins when both are set). */
  flow_id?: string;
  anonymous?: 'yes' | 'no' | 'auto';
  variables?: Record<string, string>;
};

/** A groupcall of `POST /calls` (ringing several addresses at once). */
export const groupcallSchema = z.looseObject({ id: idSchema });
/** A groupcall. */
export type VoipbinGroupcall = z.infer<typeof groupcallSchema>;

/** The answer of `POST /calls`: the legs dialed (`calls[0].id` for one tel destination). */
export const createdCallsSchema = z.looseObject({
  calls: z
    .array(callSchema)
    .nullish()
    .transform((calls) => calls ?? []),
  groupcalls: z
    .array(groupcallSchema)
    .nullish()
    .transform((groupcalls) => groupcalls ?? []),
});
/** The legs `POST /calls` dialed. */
export type CreatedCalls = z.infer<typeof createdCallsSchema>;

/** `/calls`: dial out, speak on a call without a Speaking session, music on hold, hang up. */
export type CallsResource = {
  /**
   * `POST /calls`: dials each destination; the outcome arrives as the leg's call webhooks
   * (`call_ringing`, `call_progressing` = answered, `call_hangup` with no `tm_progressing` =
   * never answered). Not idempotent: retried only when VoIPBin certainly did not act; after a
   * timeout or a 500 (`mayHaveTakenEffect`) a person may already be ringing, so never dial again
   * blindly.
   */
  create(input: CreateCallInput): Promise<CreatedCalls>;
  /**
   * `POST /calls/{id}/talk`: plays TTS on the call (the fallback when no Speaking session is
   * available). Not idempotent: retried only when VoIPBin certainly did not act.
   */
  talk(callId: string, input: TalkInput): Promise<void>;
  /** `POST /calls/{id}/hangup` (idempotent). */
  hangup(callId: string): Promise<void>;
  /** `POST /calls/{id}/moh`: the caller hears music on hold, e.g. while a person rings (idempotent). */
  startMusicOnHold(callId: string): Promise<void>;
  /** `DELETE /calls/{id}/moh`: music on hold stops (idempotent). */
  stopMusicOnHold(callId: string): Promise<void>;
};

const anything = z.unknown();

/** The calls resource over `request`. */
export function createCallsResource(request: RequestOptions): CallsResource {
  const path = (callId: string, action: string) => `/calls/${encodeURIComponent(callId)}/${action}`;
  return {
    create: (body) =>
      requestJson(request, { method: 'POST', path: '/calls', body }, createdCallsSchema),
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
    async startMusicOnHold(callId) {
      await requestJson(
        request,
        { method: 'POST', path: path(callId, 'moh'), idempotent: true },
        anything,
      );
    },
    async stopMusicOnHold(callId) {
      await requestJson(request, { method: 'DELETE', path: path(callId, 'moh') }, anything);
    },
  };
}
