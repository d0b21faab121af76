import { conferenceSchema, type VoipbinConference } from '../events/conference';
import { type RequestOptions, requestJson } from './request';

/** Body of `POST /conferences` (HANDOFF.md §1.2); what is left out is sent empty. */
export type ConferenceInput = {
  /** Park a caller in `conference`: the first to join a `connect` one is rung. */
  type: 'conference' | 'connect';
  name: string;
  detail?: string;
  /** Seconds until VoIPBin deletes it (1–59 become 86400); 0 = never. */
  timeout: number;
  data?: Record<string, unknown>;
  pre_flow_id?: string;
  post_flow_id?: string;
  /** A client-chosen UUID: after a create that may have taken effect, `get(id)` tells. */
  id?: string;
};

/** `/conferences`: a per-call conference parks the caller where REST can reach it. */
export type ConferencesResource = {
  /**
   * `POST /conferences`: resolves `progressing`, with no participant. Counts against the plan's
   * conference limit until deleted. Not idempotent: retried only when VoIPBin certainly did not act.
   */
  create(input: ConferenceInput): Promise<VoipbinConference>;
  /** `GET /conferences/{id}` (a deleted one too, with `tm_delete` set). */
  get(conferenceId: string): Promise<VoipbinConference>;
  /**
   * `DELETE /conferences/{id}`: kicks every participant (a parked caller's flow moves on to its
   * next action at once) and frees the plan slot. Idempotent: deleting again answers the
   * conference as it is.
   */
  delete(conferenceId: string): Promise<VoipbinConference>;
};

/** The conferences resource over `request`. */
export function createConferencesResource(request: RequestOptions): ConferencesResource {
  const path = (conferenceId: string) => `/conferences/${encodeURIComponent(conferenceId)}`;
  return {
    create: (input) =>
      requestJson(
        request,
        {
          method: 'POST',
          path: '/conferences',
          body: { detail: '', data: {}, pre_flow_id: '', post_flow_id: '', ...input },
        },
        conferenceSchema,
      ),
    get: (conferenceId) =>
      requestJson(request, { method: 'GET', path: path(conferenceId) }, conferenceSchema),
    delete: (conferenceId) =>
      requestJson(request, { method: 'DELETE', path: path(conferenceId) }, conferenceSchema),
  };
}
