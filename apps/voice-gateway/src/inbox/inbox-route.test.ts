import { signatureHeader, signBody, type VoipbinEvent } from '@org/voipbin';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createMemoryStateStore } from '../state/state-store';
import type { InboxChannel } from './inbox-channel';

const secret = 'inbox-test-secret-0123456789abcdef';

/** A channel that records what it is handed. */
function recordingChannel(name: string, accepts: InboxChannel['accepts']) {
  const handled: VoipbinEvent[] = [];
  const channel: InboxChannel = {
    name,
    accepts,
    handle: async (event) => {
      handled.push(event);
    },
    settled: async () => {},
    close: () => {},
  };
  return { channel, handled };
}

function setup() {
  const calls = recordingChannel('voice', ['call_progressing', 'call_hangup']);
  const texts = recordingChannel('sms', ['conversation_message_created']);
  const app = createApp({
    channels: [calls.channel, texts.channel],
    store: createMemoryStateStore(),
    logger: pino({ level: 'silent' }),
    webhookSecret: secret,
  });
  const post = (envelope: unknown) => {
    const body = JSON.stringify(envelope);
    return app.request('/voipbin/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [signatureHeader]: signBody(secret, body) },
      body,
    });
  };
  return { calls, texts, post };
}

const incomingText = {
  type: 'conversation_message_created',
  data: {
    id: '0d7a3a1e-9a4f-4a6e-8f0e-1c1b2f3e4d5a',
    customer_id: 'c',
    conversation_id: '5e2b7c1d-3f4a-4b8e-9c0d-1a2b3c4d5e6f',
    direction: 'incoming',
    status: 'done',
    reference_type: 'message',
    reference_id: '0d7a3a1e-9a4f-4a6e-8f0e-1c1b2f3e4d5a',
    source: { type: 'tel', target: '+15557654321' },
    destination: { type: 'tel', target: '+15550100' },
    text: 'Hello',
    tm_create: '2026-08-22T10:15:30.481223Z',
  },
};

describe('the inbox', () => {
  it('hands each event to the channel that accepts its type, once', async () => {
    const { calls, texts, post } = setup();
    for (let i = 0; i < 3; i++) await post(incomingText);
    expect(texts.handled).toEqual([{ type: incomingText.type, data: incomingText.data }]);
    expect(calls.handled).toEqual([]);
  });

  it('acknowledges a type no channel takes without handing it on', async () => {
    const { calls, texts, post } = setup();
    const response = await post({ ...incomingText, type: 'message_created' });
    expect(await response.json()).toEqual({ ok: true, ignored: true });
    expect([...calls.handled, ...texts.handled]).toEqual([]);
  });

  it('answers 400 to a taken type whose data does not fit it, and hands nothing on', async () => {
    const { texts, post } = setup();
    const { conversation_id: _dropped, ...data } = incomingText.data;
    const response = await post({ type: incomingText.type, data });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_body', message: expect.stringContaining('conversation_id') },
    });
    expect(texts.handled).toEqual([]);
    // The bad delivery did not claim the event: a good one is still handled.
    await post(incomingText);
    expect(texts.handled).toHaveLength(1);
  });

  it('refuses two channels that take the same type', () => {
    const first = recordingChannel('voice', ['call_hangup']);
    const second = recordingChannel('other', ['call_hangup']);
    expect(() =>
      createApp({
        channels: [first.channel, second.channel],
        store: createMemoryStateStore(),
        logger: pino({ level: 'silent' }),
        webhookSecret: secret,
      }),
    ).toThrow(/call_hangup.*voice.*other/);
  });
});
