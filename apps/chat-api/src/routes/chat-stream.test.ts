import { AiCoreError, type ChatModel } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { describe, expect, it } from 'vitest';
import { createTestApp, parseSse } from '../test/test-app';

type ErrorBody = { error: { code: string; field?: string } };

/** A model that streams `before` and then fails: what a provider dropping mid-answer looks like. */
function failingMidAnswer(before: string[]): ChatModel {
  return {
    modelId: 'breaks-mid-answer',
    async *stream() {
      for (const text of before) yield { type: 'text-delta', text };
      throw new AiCoreError('model_unavailable', { message: 'connection reset by provider' });
    },
  };
}

describe('POST /chat/stream', () => {
  it('streams text-delta events, then one reply event with the whole reply', async () => {
    const model = createMockChatModel({ responses: [{ text: 'We open at nine every day.' }] });
    const { post, sessions } = createTestApp({ model });
    const response = await post('/chat/stream', { message: 'When do you open?' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/event-stream');
    const events = parseSse(await response.text());

    const deltas = events.slice(0, -1);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((event) => event.event === 'text-delta')).toBe(true);
    const streamed = deltas.map((event) => (event.data as { text: string }).text).join('');
    expect(streamed).toBe('We open at nine every day.');

    const last = events.at(-1);
    expect(last?.event).toBe('reply');
    const reply = last?.data as { session_id: string; response: string };
    expect(reply.response).toBe('We open at nine every day.');
    expect(sessions.verify(reply.session_id)).toBe(true);
    expect(response.headers.get('X-Session-Id')).toBe(reply.session_id);
  });

  it('keeps the turn in the session, like POST /chat', async () => {
    const { post, app, newSession } = createTestApp();
    const sessionId = await newSession();
    const response = await post('/chat/stream', { session_id: sessionId, message: 'Hello' });
    await response.text();
    const history = await app.request(`/chat/history?session_id=${sessionId}`);
    const { messages } = (await history.json()) as { messages: { content: string }[] };
    expect(messages.map((message) => message.content)).toEqual(['Hello', 'You said: Hello']);
  });

  it('ends with an error event, not a truncated reply, when the model fails mid-answer', async () => {
    const { post, app, newSession, logs } = createTestApp({
      model: failingMidAnswer(['We open ', 'at ']),
    });
    const sessionId = await newSession();
    const response = await post('/chat/stream', { session_id: sessionId, message: 'Hours?' });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['text-delta', 'text-delta', 'error']);
    const error = events.at(-1)?.data as { code: string; message: string };
    expect(error.code).toBe('model_unavailable');
    expect(error.message).not.toContain('connection reset');
    expect(logs.some((line) => line.level === 40 && line.code === 'model_unavailable')).toBe(true);

    const history = await app.request(`/chat/history?session_id=${sessionId}`);
    const { messages } = (await history.json()) as { messages: { role: string }[] };
    expect(messages.map((message) => message.role)).toEqual(['user']);
  });

  it('answers a JSON 503 with Retry-After when the model fails before the first token', async () => {
    const model = createMockChatModel({
      responses: [{ error: new AiCoreError('model_unavailable') }],
    });
    const response = await createTestApp({ model }).post('/chat/stream', { message: 'Hi' });
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(response.headers.get('Retry-After')).not.toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('model_unavailable');
  });

  it('validates its body and session like POST /chat', async () => {
    const { post } = createTestApp();
    const empty = await post('/chat/stream', { message: '' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.field).toBe('message');
    const forged = await post('/chat/stream', { session_id: 'a.b', message: 'hi' });
    expect(forged.status).toBe(403);
  });

  it('stops the model when the visitor goes away mid-answer', async () => {
    const model = createMockChatModel({
      responses: [{ text: 'one two three four five six seven eight nine ten' }],
      tokenDelayMs: 50,
    });
    const { post } = createTestApp({ model });
    const response = await post('/chat/stream', { message: 'Count' });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('text-delta');
    await reader?.cancel();
    await expect.poll(() => model.aborted[0], { timeout: 10_000 }).toBe(true);
  });

  it('ends a turn in flight with a shutting_down error event at shutdown, keeping the message', async () => {
    const drain = new AbortController();
    const model = createMockChatModel({
      responses: [{ text: 'one two three four five six seven eight nine ten' }],
      tokenDelayMs: 200,
    });
    const { post, app, newSession } = createTestApp({ model, shutdown: drain.signal });
    const sessionId = await newSession();
    const response = await post('/chat/stream', { session_id: sessionId, message: 'Count' });
    const body = response.text();
    drain.abort();
    const events = parseSse(await body);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'shutting_down' } });
    expect(events.some((event) => event.event === 'reply')).toBe(false);
    expect(model.aborted[0]).toBe(true);
    const history = await app.request(`/chat/history?session_id=${sessionId}`);
    const { messages } = (await history.json()) as { messages: { role: string }[] };
    expect(messages.map((message) => message.role)).toEqual(['user']);
  });

  it('answers POST /chat in flight with a JSON 503 shutting_down at shutdown', async () => {
    const drain = new AbortController();
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const { post } = createTestApp({ model, shutdown: drain.signal });
    const pending = post('/chat', { message: 'Hello?' });
    await expect.poll(() => model.calls.length, { timeout: 10_000 }).toBe(1);
    drain.abort();
    const response = await pending;
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'shutting_down' } });
  });
});
