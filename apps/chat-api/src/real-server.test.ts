import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createMemoryHistory } from '@org/ai-core';
import { createOpenAIModel } from '@org/ai-core/openai';
import { createOpenAITestServer, type OpenAITestServer } from '@org/ai-core/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, parseSse } from './test/test-app';

type ChatBody = { session_id: string; response: string };

/** Serves `fetch` on a free loopback port, as server.ts does. */
async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  let server: ReturnType<typeof serve> | undefined;
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        if (server && 'closeAllConnections' in server) server.closeAllConnections();
        server?.close(() => done());
      }),
  };
}

describe('chat-api over HTTP with the real openai client', () => {
  let model: OpenAITestServer;
  let api: Awaited<ReturnType<typeof listen>>;
  let history: ReturnType<typeof createMemoryHistory>;
  let logs: Record<string, unknown>[];

  beforeAll(async () => {
    model = await createOpenAITestServer({
      respond: (request) => ({
        text: `Heard ${request.messages.filter((message) => message.role === 'user').length} user turns.`,
      }),
    });
    history = createMemoryHistory();
    const { app, logs: lines } = createTestApp({
      model: createOpenAIModel({ model: 'test-model', baseURL: model.url, maxRetries: 0 }),
      history,
    });
    logs = lines;
    api = await listen(app.fetch);
  });
  afterAll(async () => {
    await api?.close();
    await model?.close();
  });
  beforeEach(() => model.setFault(undefined));

  const post = (path: string, body: unknown, signal?: AbortSignal) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });

  it('answers POST /chat through the model server, with history as context', async () => {
    const first = (await (await post('/chat', { message: 'Hi there' })).json()) as ChatBody;
    expect(first.response).toBe('Heard 1 user turns.');
    const second = await post('/chat', { session_id: first.session_id, message: 'Again' });
    expect(((await second.json()) as ChatBody).response).toBe('Heard 2 user turns.');
    const request = model.requests.at(-1);
    expect(request?.model).toBe('test-model');
    expect(request?.messages.at(-1)).toMatchObject({ role: 'user', content: 'Again' });
    // Nobody reads /chat's answer as it comes: the model is asked for a whole completion.
    expect(model.requests.slice(-2).map((sent) => sent.stream)).toEqual([false, false]);
  });

  it('streams POST /chat/stream as SSE over the wire', async () => {
    const response = await post('/chat/stream', { message: 'Stream please' });
    expect(response.headers.get('Content-Type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(events.at(-1)).toMatchObject({
      event: 'reply',
      data: { response: 'Heard 1 user turns.' },
    });
    const text = events
      .filter((event) => event.event === 'text-delta')
      .map((event) => (event.data as { text: string }).text)
      .join('');
    expect(text).toBe('Heard 1 user turns.');
    expect(model.requests.at(-1)?.stream).toBe(true);
  });

  it('answers 503 with Retry-After when the model server fails, and the retry has context', async () => {
    const sessionId = (await (await fetch(`${api.url}/sessions`, { method: 'POST' })).json()) as {
      session_id: string;
    };
    model.setFault({ type: 'status', status: 500, times: 1 });
    const failed = await post('/chat', { session_id: sessionId.session_id, message: 'First try' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Retry-After')).not.toBeNull();
    const retried = await post('/chat', {
      session_id: sessionId.session_id,
      message: 'Second try',
    });
    expect(((await retried.json()) as ChatBody).response).toBe('Heard 2 user turns.');
  });

  it('sends an error event when the model server cuts the stream mid-answer', async () => {
    model.setFault({ type: 'cut', afterTokens: 2, times: 1 });
    const response = await post('/chat/stream', { message: 'Cut me off' });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.at(-1)?.event).toBe('error');
    expect(events.some((event) => event.event === 'reply')).toBe(false);
    expect(events.filter((event) => event.event === 'text-delta').length).toBeGreaterThan(0);
  });

  it('aborts the model request when the visitor disconnects mid-stream', async () => {
    model.setFault({ type: 'hang', times: 1 });
    const abortedBefore = model.aborted;
    const requestsBefore = model.requests.length;
    const client = new AbortController();
    const pending = post('/chat/stream', { message: 'Hang on' }, client.signal);
    await model.waitForRequests(requestsBefore + 1);
    client.abort();
    await expect(pending).rejects.toThrow();
    await model.waitForAborted(abortedBefore + 1);
    // A visitor leaving is not a server error.
    await expect
      .poll(() => logs.find((line) => line.msg === 'request' && line.status === 499))
      .toBeDefined();
    expect(logs.filter((line) => line.level === 50)).toEqual([]);
  });
});
