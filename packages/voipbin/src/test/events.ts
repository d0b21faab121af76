import { randomUUID } from 'node:crypto';
import { nilUuid } from '../wire';

/** A webhook as VoIPBin sends it: `{ type, data }`. */
export type Envelope = { type: string; data: Record<string, unknown> };

/** The simulated account and call a builder needs. */
export type CallContext = {
  customerId: string;
  callId: string;
  activeflowId: string;
  flowId: string;
  transcribeId: string;
  streamingId: string;
  from: string;
  to: string;
  language: string;
};

/** What a call webhook names: the call, its flow, and its two ends. */
export type CallParties = Pick<
  CallContext,
  'customerId' | 'callId' | 'activeflowId' | 'flowId' | 'from' | 'to'
>;

/** Go `time.Time` as VoIPBin emits it (RFC 3339, microseconds). */
export const goTime = (date: Date): string => date.toISOString().replace('Z', '000Z');

/**
 * A clock whose readings strictly increase: two updates of one resource never share
 * `tm_update`, which the gateway's dedupe key relies on.
 */
export function createClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last);
  };
}

/** `tm_transcript`: an offset since the stream start encoded as a year-0001 timestamp. */
export const offsetTime = (ms: number): string => {
  const date = new Date(0);
  date.setUTCFullYear(1, 0, 1);
  return goTime(new Date(date.getTime() + ms));
};

const address = (type: string, target: string) => ({
  type,
  target,
  target_name: '',
  name: '',
  detail: '',
});

/** A call webhook (`call_created`, `call_progressing`, `call_hangup`...) with every field. */
export function callEvent(
  context: CallParties,
  type: string,
  status: string,
  at: Date,
  extra: Record<string, unknown> = {},
): Envelope {
  return {
    type,
    data: {
      id: context.callId,
      customer_id: context.customerId,
      owner_type: '',
      owner_id: nilUuid,
      flow_id: context.flowId,
      activeflow_id: context.activeflowId,
      type: 'flow',
      master_call_id: nilUuid,
      chained_call_ids: [],
      recording_id: nilUuid,
      recording_ids: [],
      groupcall_id: nilUuid,
      source: address('tel', context.from),
      destination: address('tel', context.to),
      status,
      action: { id: '00000000-0000-0000-0000-000000000001', next_id: nilUuid, type: '' },
      direction: 'incoming',
      tm_create: goTime(at),
      tm_update: goTime(at),
      ...extra,
    },
  };
}

/** `transcribe_created` / `transcribe_done`: maps the transcribe id to the call id. */
export function transcribeEvent(
  context: CallContext,
  type: string,
  status: string,
  at: Date,
): Envelope {
  return { type, data: transcribeResource(context, status, at) };
}

/** The transcribe resource (also `GET /transcribes/{id}`). */
export function transcribeResource(context: CallContext, status: string, at: Date) {
  return {
    id: context.transcribeId,
    customer_id: context.customerId,
    activeflow_id: context.activeflowId,
    on_end_flow_id: nilUuid,
    reference_type: 'call',
    reference_id: context.callId,
    status,
    language: context.language,
    direction: 'in',
    provider: 'gcp',
    tm_create: goTime(at),
    tm_update: goTime(at),
  };
}

/** `transcribe_speech_started` / `_interim` / `_ended`: no call id, only the transcribe id. */
export function speechEvent(
  context: CallContext,
  type: string,
  at: Date,
  message?: string,
): Envelope {
  return {
    type,
    data: {
      id: randomUUID(),
      customer_id: context.customerId,
      streaming_id: context.streamingId,
      transcribe_id: context.transcribeId,
      direction: 'in',
      ...(message ? { message } : {}),
      tm_event: goTime(at),
      tm_create: goTime(at),
    },
  };
}

/** `transcript_created`: one final segment, with a fresh id and no call id. */
export function transcriptEvent(
  context: CallContext,
  message: string,
  at: Date,
  offsetMs: number,
): Envelope {
  return {
    type: 'transcript_created',
    data: {
      id: randomUUID(),
      customer_id: context.customerId,
      transcribe_id: context.transcribeId,
      direction: 'in',
      message,
      tm_transcript: offsetTime(offsetMs),
      tm_create: goTime(at),
    },
  };
}
