import { createAssistant, createKnowledgeModel, createMemoryHistory } from '@org/ai-core';
import { createVoipbinClient, signatureHeader, signBody } from '@org/voipbin';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createVoiceChannel } from './channels/voice/voice-channel';
import { createMemoryStateStore } from './state/state-store';

const secret = 'test-webhook-secret-0123456789abc';
const fetchSecret = 'fetch-secret-0123456789abcdef';
const callId = '6a1f1a4e-0b7e-4a51-9d59-5c1f6f0e2a11';

function setup() {
  const requests: string[] = [];
  const fakeVoipbin = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(`${init?.method} ${new URL(String(input)).pathname}`);
    return new Response(JSON.stringify({ id: 'speaking-1', status: 'active' }), { status: 200 });
  };
  const logger = pino({ level: 'silent' });
  const assistant = createAssistant({
    model: createKnowledgeModel(),
    history: createMemoryHistory(),
    instructions: 'Test.',
  });
  const voipbin = createVoipbinClient({
    baseUrl: 'http://voipbin.test/v1.0',
    fetch: fakeVoipbin as typeof fetch,
  });
  const store = createMemoryStateStore();
  const voice = createVoiceChannel({ assistant, voipbin, store, logger, fetchSecret });
  const { engine } = voice;
  const app = createApp({ channels: [voice], store, logger, webhookSecret: secret });
  const post = (body: string, signature: string | null = signBody(secret, body)) =>
    app.request('/voipbin/webhook', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { [signatureHeader]: signature }),
      },
      body,
    });
  return { app, engine, voice, store, requests, post };
}

const answered = JSON.stringify({
  type: 'call_progressing',
  data: {
    id: callId,
    customer_id: 'c',
    status: 'progressing',
    tm_update: '2026-08-22T10:15:30.481223Z',
  },
});

describe('POST /voipbin/webhook', () => {
  it('acknowledges a signed event and handles it in the background', async () => {
    const { engine, requests, post } = setup();
    const response = await post(answered);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await engine.settled();
    expect(requests).toEqual(['POST /v1.0/speakings', 'POST /v1.0/speakings/speaking-1/say']);
  });

  it('does not greet a call we dialed (an outgoing leg answering)', async () => {
    const { engine, requests, post } = setup();
    const outgoing = JSON.parse(answered) as { type: string; data: Record<string, unknown> };
    outgoing.data.direction = 'outgoing';
    expect((await post(JSON.stringify(outgoing))).status).toBe(200);
    await engine.settled();
    expect(requests).toEqual([]);
  });

  it('answers 401 without side effects to a missing or wrong signature', async () => {
    const { engine, requests, post } = setup();
    for (const signature of [null, signBody('another-secret', answered), 'sha256=00']) {
      const response = await post(answered, signature);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    await engine.settled();
    expect(requests).toEqual([]);
    // The refused deliveries did not claim the event: the genuine one is still handled.
    expect(await (await post(answered)).json()).toEqual({ ok: true });
  });

  it('answers 413 to an over-size body before reading it for the signature', async () => {
    const { post, requests } = setup();
    const body = JSON.stringify({ type: 'call_updated', data: { pad: 'x'.repeat(300 * 1024) } });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(requests).toEqual([]);
  });

  it('refuses everything when no secret is configured', async () => {
    const { voice, store } = setup();
    const logger = pino({ level: 'silent' });
    const app = createApp({ channels: [voice], store, logger, webhookSecret: undefined });
    const response = await app.request('/voipbin/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [signatureHeader]: signBody('', answered) },
      body: answered,
    });
    expect(response.status).toBe(401);
  });

  it('acknowledges a redelivery without handling it again', async () => {
    const { engine, requests, post } = setup();
    await post(answered);
    const again = await post(answered);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    await engine.settled();
    expect(requests.filter((r) => r === 'POST /v1.0/speakings')).toHaveLength(1);
  });

  it('acknowledges and ignores unknown event types', async () => {
    const { engine, requests, post } = setup();
    const body = JSON.stringify({ type: 'recording_finished', data: { id: 'r1' } });
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: true });
    await engine.settled();
    expect(requests).toEqual([]);
  });

  it('answers 400 JSON to a body that is not JSON or not an envelope', async () => {
    const { post } = setup();
    for (const body of ['{not json', '[]', '{"type":"call_created"}', '{"type":5,"data":{}}']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    const badCall = JSON.stringify({ type: 'call_hangup', data: { id: callId, status: 'gone' } });
    expect((await post(badCall)).status).toBe(400);
  });
});

describe('POST /voipbin/fetch/:secret', () => {
  const fetchBody = JSON.stringify({ activeflow_id: 'af-1', reference_id: callId });
  const call = (app: ReturnType<typeof setup>['app'], path: string) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fetchBody,
    });

  it('answers 200 with a bare array: the greeting as a talk action with a fresh UUID, once, then a wait', async () => {
    const { app } = setup();
    const response = await call(app, `/voipbin/fetch/${fetchSecret}`);
    expect(response.status).toBe(200);
    const actions = (await response.json()) as {
      id: string;
      type: string;
      option: { text: string; duration?: number };
    }[];
    expect(Array.isArray(actions)).toBe(true);
    // No handoff number: no conference, the call waits in a sleep (parking flow v2 must block).
    expect(actions.map((action) => action.type)).toEqual(['talk', 'sleep']);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(actions.every((action) => uuid.test(action.id))).toBe(true);
    expect(actions[0]?.option.text.length).toBeGreaterThan(0);
    expect(actions[1]?.option.duration).toBe(600_000);
    const again = await call(app, `/voipbin/fetch/${fetchSecret}`);
    expect(((await again.json()) as { type: string }[]).map((action) => action.type)).toEqual([
      'sleep',
    ]);
  });

  it('answers 404 to a wrong secret', async () => {
    const { app } = setup();
    expect((await call(app, '/voipbin/fetch/wrong-secret')).status).toBe(404);
  });
});

describe('GET /healthz', () => {
  it('is ok', async () => {
    const { app } = setup();
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
  });
});
