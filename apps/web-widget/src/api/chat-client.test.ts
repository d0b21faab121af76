// @vitest-environment node
import { AiCoreError } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../testing/test-api';
import { createChatClient } from './chat-client';
import { ChatClientError, parseRetryAfter } from './chat-client-error';

const apiUrl = 'https://chat.example';

describe('createChatClient.stream', () => {
  it('streams the answer delta by delta, then returns the whole reply and the session', async () => {
    const { fetch, sessions, requests } = createTestApi({
      model: createMockChatModel({ responses: [{ text: 'We are open **daily**.' }] }),
    });
    const deltas: string[] = [];
    const seen: string[] = [];
    const result = await createChatClient({ apiUrl, fetch }).stream({
      message: 'When are you open?',
      idempotencyKey: 'key-1',
      onDelta: (text) => deltas.push(text),
      onSession: (id) => seen.push(id),
    });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('We are open **daily**.');
    expect(result.response).toBe('We are open **daily**.');
    expect(sessions.verify(result.sessionId)).toBe(true);
    expect(seen).toEqual([result.sessionId]);
    expect(requests[0]?.headers.get('Idempotency-Key')).toBe('key-1');
  });

  it('continues the given session', async () => {
    const { fetch, newSession, history } = createTestApi();
    const sessionId = await newSession();
    const client = createChatClient({ apiUrl, fetch });
    const result = await client.stream({
      sessionId,
      message: 'Hi',
      idempotencyKey: 'k',
      onDelta: () => {},
    });
    expect(result.sessionId).toBe(sessionId);
    expect((await history.load(sessionId, { limit: 100 })).messages).toHaveLength(2);
    expect(await client.history(sessionId)).toMatchObject({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'You said: Hi' },
      ],
      handoff: null,
    });
  });

  it('reports 429 as rate-limited with the Retry-After seconds', async () => {
    const { fetch } = createTestApi({
      limits: {
        ip: { consume: async () => ({ allowed: true }) },
        session: { consume: async () => ({ allowed: false, retryAfterSeconds: 42 }) },
      },
    });
    const error = await createChatClient({ apiUrl, fetch })
      .stream({ message: 'Hi', idempotencyKey: 'k', onDelta: () => {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 42, status: 429 });
  });

  it('reports a model that is down as a server error, and still tells the session', async () => {
    const { fetch, sessions } = createTestApi({
      model: createMockChatModel({ responses: [{ error: new AiCoreError('model_unavailable') }] }),
    });
    const seen: string[] = [];
    const error = await createChatClient({ apiUrl, fetch })
      .stream({
        message: 'Hi',
        idempotencyKey: 'k',
        onDelta: () => {},
        onSession: (id) => seen.push(id),
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'server', status: 503, code: 'model_unavailable' });
    expect((error as ChatClientError).retryAfterSeconds).toBeGreaterThan(0);
    expect(seen).toHaveLength(1);
    expect(sessions.verify(seen[0] ?? '')).toBe(true);
  });

  it('reports an error event in the middle of an answer as a server error', async () => {
    const failing = {
      modelId: 'failing',
      async *stream() {
        yield { type: 'text-delta' as const, text: 'Half an ' };
        throw new AiCoreError('model_unavailable', { message: 'upstream gone' });
      },
    };
    const { fetch } = createTestApi({ model: failing as never });
    const deltas: string[] = [];
    const error = await createChatClient({ apiUrl, fetch })
      .stream({ message: 'Hi', idempotencyKey: 'k', onDelta: (text) => deltas.push(text) })
      .catch((caught: unknown) => caught);
    expect(deltas).toEqual(['Half an ']);
    expect(error).toMatchObject({ kind: 'server', code: 'model_unavailable' });
  });

  it('reports a session the server never issued as invalid-session', async () => {
    const { fetch } = createTestApi();
    const error = await createChatClient({ apiUrl, fetch })
      .stream({ sessionId: 'forged.id', message: 'Hi', idempotencyKey: 'k', onDelta: () => {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid-session', status: 403 });
  });

  it('reports a network failure as offline', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const error = await createChatClient({ apiUrl, fetch })
      .history('s')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'offline' });
  });

  it('reports a stream that ends without a reply as cut short', async () => {
    const fetch = (async () =>
      new Response('event: text-delta\ndata: {"text":"We"}\n\n', {
        headers: { 'Content-Type': 'text/event-stream' },
      })) as typeof globalThis.fetch;
    const error = await createChatClient({ apiUrl, fetch })
      .stream({ message: 'Hi', idempotencyKey: 'k', onDelta: () => {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'server', message: 'The answer was cut short' });
  });

  it('answers a retried key once: the model is called once, history holds one turn', async () => {
    const { fetch, model, newSession, history } = createTestApi();
    const sessionId = await newSession();
    const client = createChatClient({ apiUrl, fetch });
    const send = () =>
      client.stream({ sessionId, message: 'Hi', idempotencyKey: 'same', onDelta: () => {} });
    const first = await send();
    const second = await send();
    expect(second.response).toBe(first.response);
    expect(model.calls).toHaveLength(1);
    expect((await history.load(sessionId, { limit: 100 })).messages).toHaveLength(2);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
  });
});
