import { type CallEventType, callEventTypes, type VoipbinCall } from './call';
import type { WebhookEnvelope } from './envelope';
import { parseEvent, type VoipbinEvent } from './event-data';
import { type SpeechEventType, speechEventTypes, type VoipbinSpeechEvent } from './speech';
import {
  type TranscribeEventType,
  transcribeEventTypes,
  type VoipbinTranscribe,
} from './transcribe';
import {
  type TranscriptEventType,
  transcriptEventTypes,
  type VoipbinTranscript,
} from './transcript';

/** The events a voice gateway acts on (calls, transcribe sessions, transcripts, speech). */
export type VoiceEvent =
  | { type: CallEventType; data: VoipbinCall }
  | { type: TranscribeEventType; data: VoipbinTranscribe }
  | { type: TranscriptEventType; data: VoipbinTranscript }
  | { type: SpeechEventType; data: VoipbinSpeechEvent };

/** Every {@link VoiceEvent} type. */
export const voiceEventTypes: readonly VoiceEvent['type'][] = [
  ...callEventTypes,
  ...transcribeEventTypes,
  ...transcriptEventTypes,
  ...speechEventTypes,
];

const voiceTypes = new Set<string>(voiceEventTypes);

/** True for the events of the voice families, narrowed so they can be handed on as a {@link VoiceEvent}. */
export function isVoiceEvent(
  event: VoipbinEvent,
): event is Extract<VoipbinEvent, { type: VoiceEvent['type'] }> {
  return voiceTypes.has(event.type);
}

/** What {@link parseVoiceEvent} makes of an envelope. */
export type ParsedVoiceEvent =
  | { kind: 'event'; event: VoiceEvent }
  | { kind: 'ignored'; type: string }
  | { kind: 'invalid'; type: string; issues: string[] };

/**
 * {@link parseEvent} narrowed to the voice families: any other type (SMS included) is
 * `ignored`; a voice type with a bad `data` is `invalid`.
 */
export function parseVoiceEvent(envelope: WebhookEnvelope): ParsedVoiceEvent {
  if (!voiceTypes.has(envelope.type)) return { kind: 'ignored', type: envelope.type };
  const parsed = parseEvent(envelope);
  if (parsed.kind === 'invalid') return parsed;
  if (parsed.kind === 'unknown') return { kind: 'ignored', type: parsed.type };
  return { kind: 'event', event: { type: parsed.type, data: parsed.data } as VoiceEvent };
}
