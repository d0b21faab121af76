import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nilUuid } from '../wire';
import { callEventTypes } from './call';
import { conferenceEventTypes } from './conference';
import { conversationEventTypes, isOwnedByAgent } from './conversation';
import { conversationMessageEventTypes } from './conversation-message';
import { dedupeKey, type WebhookEnvelope, webhookEnvelopeSchema } from './envelope';
import { eventDataSchemas, parseEvent } from './event-data';
import { messageEventTypes } from './message';
import { speechEventTypes } from './speech';
import { transcribeEventTypes } from './transcribe';
import { transcriptEventTypes } from './transcript';

const fixture = (name: string): WebhookEnvelope =>
  webhookEnvelopeSchema.parse(
    JSON.parse(readFileSync(new URL(`../__fixtures__/${name}.json`, import.meta.url), 'utf8')),
  );

describe('parseEvent', () => {
  it.each([
    ['call_progressing', 'call_progressing'],
    ['transcribe_created', 'transcribe_created'],
    ['transcript_created', 'transcript_created'],
    ['transcribe_speech_started', 'transcribe_speech_started'],
    ['message_created', 'message_created'],
    ['conversation_created', 'conversation_created'],
    ['conversation_message_created', 'conversation_message_created'],
    ['conversation_message_created_outgoing', 'conversation_message_created'],
  ])('parses the %s fixture', (name, type) => {
    const parsed = parseEvent(fixture(name));
    expect(parsed).toMatchObject({ kind: 'event', type });
  });

  it('reads an inbound SMS: the same id in message_created and conversation_message_created', () => {
    const message = parseEvent(fixture('message_created'));
    const incoming = parseEvent(fixture('conversation_message_created'));
    if (message.kind !== 'event' || message.type !== 'message_created') throw new Error('message');
    if (incoming.kind !== 'event' || incoming.type !== 'conversation_message_created') {
      throw new Error('conversation message');
    }
    expect(message.data).toMatchObject({ direction: 'inbound', type: 'sms' });
    expect(message.data.targets[0]).toMatchObject({ status: 'received', parts: 1 });
    expect(message.data.tm_update).toBeNull();
    expect(incoming.data).toMatchObject({
      direction: 'incoming',
      reference_type: 'message',
      reference_id: message.data.id,
      source: { target: '+15557654321' },
      destination: { target: '+15550100' },
    });
    expect(incoming.data.id).toBe(message.data.id);
    expect(incoming.data.medias).toBeUndefined();
  });

  it('reads a conversation: nobody owns it, zero UUIDs for the unset ids', () => {
    const parsed = parseEvent(fixture('conversation_created'));
    if (parsed.kind !== 'event' || parsed.type !== 'conversation_created') throw new Error('kind');
    expect(parsed.data).toMatchObject({ owner_type: '', owner_id: nilUuid, type: 'message' });
    expect(isOwnedByAgent(parsed.data)).toBe(false);
    expect(isOwnedByAgent({ owner_type: 'agent', owner_id: 'a1' })).toBe(true);
  });

  it('accepts Go zero values: {} addresses, null times, missing text and medias', () => {
    const { text: _text, ...rest } = fixture('conversation_message_created').data;
    const data = { ...rest, source: {}, destination: {}, tm_create: null };
    const parsed = parseEvent({ type: 'conversation_message_updated', data });
    expect(parsed.kind).toBe('event');
  });

  it('unknown types are unknown, even names on Object.prototype; bad data is invalid', () => {
    expect(parseEvent({ type: 'number_created', data: {} })).toEqual({
      kind: 'unknown',
      type: 'number_created',
    });
    expect(parseEvent({ type: 'constructor', data: {} }).kind).toBe('unknown');
    const bad = parseEvent({
      type: 'conversation_message_created',
      data: { id: 'm1', direction: 'sideways' },
    });
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid') expect(bad.issues.join(' ')).toContain('conversation_id');
  });

  it('has a schema for every type of every family, and no other', () => {
    const families = [
      callEventTypes,
      conferenceEventTypes,
      transcribeEventTypes,
      transcriptEventTypes,
      speechEventTypes,
      messageEventTypes,
      conversationEventTypes,
      conversationMessageEventTypes,
    ].flat();
    expect(Object.keys(eventDataSchemas).sort()).toEqual([...families].sort());
  });
});

describe('dedupeKey for SMS and conversations (MESSAGES.md §4)', () => {
  it('keys created events on type and data.id', () => {
    const message = fixture('message_created');
    const incoming = fixture('conversation_message_created');
    const id = String(message.data.id);
    expect(dedupeKey(message)).toBe(`message_created|${id}`);
    expect(dedupeKey(incoming)).toBe(`conversation_message_created|${id}`);
    expect(dedupeKey(structuredClone(incoming))).toBe(dedupeKey(incoming));
  });

  it('adds status and tm_update to *_updated events, which share data.id', () => {
    const created = fixture('conversation_message_created_outgoing');
    const done = {
      type: 'conversation_message_updated',
      data: { ...created.data, status: 'done', tm_update: '2026-08-22T10:20:14.5Z' },
    };
    const failed = { ...done, data: { ...done.data, status: 'failed' } };
    expect(dedupeKey(done)).toBe(
      `conversation_message_updated|${created.data.id}|done|2026-08-22T10:20:14.5Z`,
    );
    expect(dedupeKey(failed)).not.toBe(dedupeKey(done));
    const conversation = fixture('conversation_created');
    const assigned = {
      type: 'conversation_updated',
      data: { ...conversation.data, owner_type: 'agent', tm_update: '2026-08-22T10:21:00Z' },
    };
    const released = { ...assigned, data: { ...assigned.data, tm_update: '2026-08-22T10:25:00Z' } };
    expect(dedupeKey(released)).not.toBe(dedupeKey(assigned));
    const sent = { type: 'message_updated', data: { id: 'm1', tm_update: '2026-08-22T10:21:00Z' } };
    expect(dedupeKey(sent)).toBe('message_updated|m1||2026-08-22T10:21:00Z');
  });
});
