import { z } from 'zod';
import { idSchema, timestampSchema } from '../wire';

/**
 * Conference events (HANDOFF.md §1.2): `conference_created`, `conference_updated` on every join
 * and leave (`conferencecall_ids` changes) and status change, `conference_deleted`.
 */
export const conferenceEventTypes = [
  'conference_created',
  'conference_updated',
  'conference_deleted',
] as const;
/** One of {@link conferenceEventTypes}. */
export type ConferenceEventType = (typeof conferenceEventTypes)[number];

/**
 * A conference (`bin-conference-manager/models/conference/webhook.go`; also the answer of
 * `/conferences`). Webhooks omit empty fields (Go `omitempty`): no participant reads as
 * `conferencecall_ids: []`.
 */
export const conferenceSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  /** `conference` (a lone participant hears silence), `connect` or `queue`; kept open. */
  type: z.string().optional(),
  /** `terminating` once deleted, while its participants are kicked; `terminated` after. */
  status: z.enum(['starting', 'progressing', 'terminating', 'terminated']),
  name: z.string().optional(),
  detail: z.string().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
  /** Seconds until VoIPBin deletes it; 0 = never. */
  timeout: z.number().optional(),
  pre_flow_id: z.string().optional(),
  post_flow_id: z.string().optional(),
  /** One id per call in the conference (a conferencecall, not the call id). */
  conferencecall_ids: z
    .array(z.string())
    .nullish()
    .transform((ids) => ids ?? []),
  tm_end: timestampSchema,
  tm_create: timestampSchema,
  tm_update: timestampSchema,
  tm_delete: timestampSchema,
});
/** A conference. */
export type VoipbinConference = z.infer<typeof conferenceSchema>;
