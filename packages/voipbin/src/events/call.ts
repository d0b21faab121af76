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

/** `data` of a call event (SPEC.md §4): the fields the gateway reads; the rest passes through. */
export const callSchema = z.looseObject({
  id: idSchema,
  customer_id: z.string().optional(),
  activeflow_id: z.string().optional(),
  status: z.enum(['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup']),
  direction: z.enum(['incoming', 'outgoing']).optional(),
  source: addressSchema.optional(),
  destination: addressSchema.optional(),
  hangup_reason: z.string().optional(),
  tm_update: timestampSchema,
});
/** A call, as call events carry it. */
export type VoipbinCall = z.infer<typeof callSchema>;
