import { z } from 'zod';
import { addressSchema, idSchema, timestampSchema } from '../wire';

/** Call events (`bin-call-manager/models/call/event.go`); every one carries the call. */
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
/** One of {@link callEventTypes}. */
export type CallEventType = (typeof callEventTypes)[number];

/**
 * The action a call runs now (`action`): lenient, since it is only read. On `call_created` it is
 * the start placeholder (`…0001`); a dialed leg bridged into a conference shows `confbridge_join`.
 */
export const callActionSchema = z.looseObject({
  id: z.string().optional(),
  next_id: z.string().optional(),
  type: z.string().optional(),
  option: z.record(z.string(), z.unknown()).nullish(),
});
/** The action a call runs now. */
export type VoipbinCallAction = z.infer<typeof callActionSchema>;

/**
 * `data` of a call event, and a call in REST answers (SPEC.md §4, HANDOFF.md §1.3): the fields
 * the gateway reads; the rest passes through.
 */
export const callSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  activeflow_id: z.string().optional(),
  status: z.enum(['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup']),
  /** `outgoing` for a leg dialed with `POST /calls`. */
  direction: z.enum(['incoming', 'outgoing']).optional(),
  source: addressSchema.optional(),
  destination: addressSchema.optional(),
  // Only read: a surprising shape must not make the whole call event invalid.
  action: callActionSchema.optional().catch(undefined),
  /** `remote` (the other side) or `local` (VoIPBin: REST hangup, flow end); kept open. */
  hangup_by: z.string().optional(),
  /**
   * `normal`, `failed`, `busy`, `cancel`, `timeout`, `noanswer`, `dialout`, `amd`; kept open. A
   * dialed leg that never answered hangs up with `tm_progressing` unset.
   */
  hangup_reason: z.string().optional(),
  /** Set once answered: unset on a `call_hangup` means the leg never answered. */
  tm_progressing: timestampSchema,
  tm_ringing: timestampSchema,
  tm_hangup: timestampSchema,
  tm_update: timestampSchema,
});
/** A call, as call events carry it. */
export type VoipbinCall = z.infer<typeof callSchema>;
