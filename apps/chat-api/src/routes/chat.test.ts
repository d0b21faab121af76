import { getEventListeners } from 'node:events';
import { AiCoreError, createMemoryHistory, type HistoryStore } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { describe, expect, it } from 'vitest';
import { createSessions } from '../sessions';
import { createTestApp } from '../test/test-app';

type ChatBody = { session_id: string; response: string };
type ErrorBody = { error: { code: string; message: string; field?: string } };
type HistoryBody = { session_id: string; messages: Record<string, unknown>[] };

describe('POST /chat', () => {
  it('starts a session when none is given and answers on the chat channel', async () => {
    const { post, model, sessions } = createTestApp();
    const response = await post('/chat', { message: 'When do you open?' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChatBody;
    expect(body.response).toBe('You said: When do you open?');
    expect(sessions.verify(body.session_id)).toBe(true);
    expect(response.headers.get('X-Session-Id')).toBe(body.session_id);
    expect(model.calls[0]?.channel).toBe('chat');
    // Nobody streams /chat: the model answers whole.
    expect(model.methods).toEqual(['generate']);
  });

  it('continues a session: the model sees the earlier turns', async () => {
    const { post, model, newSession } = createTestApp();
    const sessionId = await newSession();
    await post('/chat', { session_id: sessionId, message: 'My name is Ada.' });
    const second = await post('/chat', { session_id: sessionId, message: 'What is my name?' });
    expect(((await second.json()) as ChatBody).session_id).toBe(sessionId);
    const contents = model.calls[1]?.messages.map((message) => message.content);
    expect(contents).toContain('My name is Ada.');
    expect(contents).toContain('You said: My name is Ada.');
  });

  it('answers a retried Idempotency-Key once, from the stored reply', async () => {
    const { post, model, newSession } = createTestApp();
    const sessionId = await newSession();
    const send = () =>
      post('/chat', { session_id: sessionId, message: 'Hi' }, { 'Idempotency-Key': 'msg-1' });
    const first = (await (await send()).json()) as ChatBody;
    const second = (await (await send()).json()) as ChatBody;
    expect(second.response).toBe(first.response);
    expect(model.calls).toHaveLength(1);
  });

  it.each([
    ['missing', {}, 'is required'],
    ['empty', { message: '' }, 'must not be empty'],
    ['blank', { message: '   \n ' }, 'must not be empty'],
    ['not a string', { message: 42 }, 'must be a string'],
    ['over 4000 characters', { message: 'a'.repeat(4001) }, 'at most 4000'],
  ])('refuses a %s message with a 400 naming the field', async (_, body, text) => {
    const { post, model } = createTestApp();
    const response = await post('/chat', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.field).toBe('message');
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(text);
    expect(model.calls).toHaveLength(0);
  });

  it('accepts a message of exactly 4000 characters', async () => {
    const { post } = createTestApp();
    expect((await post('/chat', { message: 'a'.repeat(4000) })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"message": "hi"', 'invalid_json'],
    ['a JSON array', '["hi"]', 'invalid_input'],
    ['JSON null', 'null', 'invalid_input'],
  ])('refuses %s with a JSON 400', async (_, raw, code) => {
    const response = await createTestApp().post('/chat', raw);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
  });

  it('refuses a body that is not declared as JSON with a 415', async () => {
    const { post } = createTestApp();
    const response = await post('/chat', '{"message":"hi"}', { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorBody).error.code).toBe('unsupported_media_type');
  });

  it('refuses a non-string session_id with a 400 naming it', async () => {
    const response = await createTestApp().post('/chat', { session_id: 7, message: 'hi' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe('session_id');
  });

  it('refuses session ids it never issued, and never shows their history', async () => {
    const { post, newSession, model } = createTestApp();
    const owner = await newSession();
    await post('/chat', { session_id: owner, message: 'my secret order number is 123' });
    const [random = '', tag = ''] = owner.split('.');
    const flipped = `${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`;
    const foreign = createSessions({ secret: 'another-secret-another-secret-1234' }).issue();
    for (const forged of [`${random}.${flipped}`, random, 'guess', foreign, `${owner}x`]) {
      const response = await post('/chat', { session_id: forged, message: 'what did I say?' });
      expect(response.status).toBe(403);
      const { error } = (await response.json()) as ErrorBody;
      expect(error).toMatchObject({ code: 'invalid_session', field: 'session_id' });
    }
    expect(model.calls).toHaveLength(1);
  });

  it('answers 503 with Retry-After when the model is down, keeping the message', async () => {
    const model = createMockChatModel({
      responses: [{ error: new AiCoreError('model_unavailable', { message: 'upstream 502' }) }],
    });
    const { post, app, newSession } = createTestApp({ model });
    const sessionId = await newSession();
    const response = await post('/chat', { session_id: sessionId, message: 'Are you there?' });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('model_unavailable');
    expect(error.message).not.toContain('upstream 502');

    const history = await app.request(`/chat/history?session_id=${sessionId}`);
    const { messages } = (await history.json()) as HistoryBody;
    expect(messages).toEqual([
      { role: 'user', content: 'Are you there?', createdAt: expect.any(String) },
    ]);
  });

  it('tells a new visitor its session id even when the model is down', async () => {
    const model = createMockChatModel({
      responses: [{ error: new AiCoreError('model_unavailable') }],
    });
    const { post, app, sessions } = createTestApp({ model });
    const response = await post('/chat', { message: 'Hello?' });
    expect(response.status).toBe(503);
    const sessionId = response.headers.get('X-Session-Id') ?? '';
    expect(sessions.verify(sessionId)).toBe(true);
    const history = await app.request(`/chat/history?session_id=${sessionId}`);
    expect(((await history.json()) as HistoryBody).messages).toHaveLength(1);
  });

  it('answers 503 model_timeout when the model passes the deadline', async () => {
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const { post } = createTestApp({ model, timeoutMs: 100 });
    const response = await post('/chat', { message: 'Slow?' });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).not.toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('model_timeout');
    expect(model.aborted[0]).toBe(true);
  });

  it('answers 503 when the history store is down', async () => {
    const memory = createMemoryHistory();
    const history: HistoryStore = {
      ...memory,
      load: async () => {
        throw new AiCoreError('history_unavailable', { message: 'redis down' });
      },
    };
    const response = await createTestApp({ history }).post('/chat', { message: 'Hi' });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).not.toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('history_unavailable');
  });

  it('answers an unexpected failure with a generic 500, logged once with the request id', async () => {
    const { post, logs } = createTestApp({
      assistant: (assistant) => ({
        ...assistant,
        reply: async () => {
          throw new Error('database password is hunter2');
        },
      }),
    });
    const response = await post('/chat', { message: 'Hi' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect((JSON.parse(text) as ErrorBody).error.code).toBe('internal_error');
    const errors = logs.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.reqId).toBe(response.headers.get('X-Request-Id'));
  });
});

describe('turns and the shutdown signal', () => {
  it('leaves no listener on the shutdown signal once turns are over, answered or failed', async () => {
    const drain = new AbortController();
    const model = createMockChatModel({
      responses: (_request, index) =>
        index % 3 === 2 ? { error: new AiCoreError('model_unavailable') } : { text: 'Hi there.' },
    });
    const { post } = createTestApp({ model, shutdown: drain.signal });
    for (let i = 0; i < 6; i++) {
      await (await post('/chat', { message: `chat ${i}` })).text();
      await (await post('/chat/stream', { message: `stream ${i}` })).text();
    }
    expect(getEventListeners(drain.signal, 'abort')).toHaveLength(0);
  });
});

describe('GET /chat/history', () => {
  it("returns the session's messages, oldest first", async () => {
    const { post, app, newSession } = createTestApp();
    const sessionId = await newSession();
    await post('/chat', { session_id: sessionId, message: 'one' });
    await post('/chat', { session_id: sessionId, message: 'two' });
    const response = await app.request(`/chat/history?session_id=${sessionId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HistoryBody;
    expect(body.session_id).toBe(sessionId);
    expect(body.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'one'],
      ['assistant', 'You said: one'],
      ['user', 'two'],
      ['assistant', 'You said: two'],
    ]);
    for (const message of body.messages) {
      expect(Object.keys(message).sort()).toEqual(['content', 'createdAt', 'role']);
    }
  });

  it('returns no messages for a new session', async () => {
    const { app, newSession } = createTestApp();
    const response = await app.request(`/chat/history?session_id=${await newSession()}`);
    expect(((await response.json()) as HistoryBody).messages).toEqual([]);
  });

  it('refuses a missing session_id (400) and a forged one (403)', async () => {
    const { app } = createTestApp();
    const missing = await app.request('/chat/history');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ErrorBody).error.field).toBe('session_id');
    const forged = await app.request('/chat/history?session_id=abc.def');
    expect(forged.status).toBe(403);
  });
});

describe('POST /sessions', () => {
  it('issues distinct, verifiable session ids', async () => {
    const { app, sessions } = createTestApp();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await app.request('/sessions', { method: 'POST' });
      expect(response.status).toBe(201);
      const { session_id } = (await response.json()) as { session_id: string };
      expect(sessions.verify(session_id)).toBe(true);
      ids.add(session_id);
    }
    expect(ids.size).toBe(5);
  });
});
