import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedupeKey, type WebhookEnvelope, webhookEnvelopeSchema } from './envelope';
import { parseEvent } from './event-data';
import { isVoiceEvent, parseVoiceEvent, type VoiceEvent } from './voice-event';

const fixture = (name: string): WebhookEnvelope =>
  webhookEnvelopeSchema.parse(
    JSON.parse(readFileSync(new URL(`../__fixtures__/${name}.json`, import.meta.url), 'utf8')),
  );

describe('parseVoiceEvent', () => {
  it.each([
    'call_progressing',
    'transcribe_created',
    'transcript_created',
    'transcribe_speech_started',
  ])('reads the %s payload', (name) => {
    const parsed = parseVoiceEvent(fixture(name));
    expect(parsed.kind).toBe('event');
    if (parsed.kind === 'event') expect(parsed.event.type).toBe(name);
  });

  it('keeps what the gateway uses: the call id of a transcribe, the text of a transcript', () => {
    const transcribe = parseVoiceEvent(fixture('transcribe_created'));
    const transcript = parseVoiceEvent(fixture('transcript_created'));
    expect(transcribe).toMatchObject({
      event: {
        data: { reference_type: 'call', reference_id: '3f9b3c2a-6f0e-4b8c-9a51-2d1e7c4b5a60' },
      },
    });
    expect(transcript).toMatchObject({
      event: { data: { direction: 'in', message: 'What time do you open on Sunday?' } },
    });
  });

  it('ignores types it does not handle and rejects a handled type with bad data', () => {
    expect(parseVoiceEvent({ type: 'number_created', data: {} })).toEqual({
      kind: 'ignored',
      type: 'number_created',
    });
    const bad = parseVoiceEvent({ type: 'transcript_created', data: { id: 'x', direction: 'in' } });
    expect(bad.kind).toBe('invalid');
  });

  it('rejects envelopes without a type or data object', () => {
    expect(webhookEnvelopeSchema.safeParse({ type: 'call_created' }).success).toBe(false);
    expect(webhookEnvelopeSchema.safeParse({ type: '', data: {} }).success).toBe(false);
    expect(webhookEnvelopeSchema.safeParse({ type: 'x', data: [] }).success).toBe(false);
  });
});

describe('dedupeKey (SPEC.md §7)', () => {
  it('tells call events apart by type, status and tm_update, since they share data.id', () => {
    const progressing = fixture('call_progressing');
    const later = {
      ...progressing,
      data: { ...progressing.data, tm_update: '2026-08-22T10:16:00Z' },
    };
    const hangup = { type: 'call_hangup', data: { ...progressing.data, status: 'hangup' } };
    expect(dedupeKey(progressing)).toBe(dedupeKey(structuredClone(progressing)));
    expect(dedupeKey(later)).not.toBe(dedupeKey(progressing));
    expect(dedupeKey(hangup)).not.toBe(dedupeKey(progressing));
  });

  it('uses data.id for transcripts and speech events', () => {
    const transcript = fixture('transcript_created');
    const other = { ...transcript, data: { ...transcript.data, id: 'another-segment' } };
    expect(dedupeKey(transcript)).toBe(`transcript_created|${transcript.data.id}`);
    expect(dedupeKey(other)).not.toBe(dedupeKey(transcript));
  });
});

describe('isVoiceEvent', () => {
  it('tells voice events from SMS events and narrows them to VoiceEvent', () => {
    const parsed = parseEvent(fixture('transcript_created'));
    const sms = parseEvent({
      type: 'message_deleted',
      data: { id: 'm', type: 'sms', source: {}, direction: 'inbound' },
    });
    if (parsed.kind !== 'event' || sms.kind !== 'event') throw new Error('fixtures');
    expect(isVoiceEvent(sms)).toBe(false);
    expect(isVoiceEvent(parsed)).toBe(true);
    if (isVoiceEvent(parsed)) {
      const event: VoiceEvent = parsed;
      expect(event.type).toBe('transcript_created');
    }
  });
});
