import OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAITestServer, type OpenAITestServer } from './openai-test-server';
import { splitIntoTokens } from './split-tokens';

let server: OpenAITestServer;
afterEach(async () => {
  await server?.close();
});

const client = () => new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });

/** Posts a streamed request and returns the raw SSE data lines. */
async function streamRaw(body: Record<string, unknown>): Promise<string[]> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, ...body }),
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const text = await response.text();
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice('data: '.length);
    });
}

describe('createOpenAITestServer', { timeout: 20_000 }, () => {
  it('listens on 127.0.0.1 and serves /v1/models', async () => {
    server = await createOpenAITestServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const models = await client().models.list();
    expect(models.data.length).toBeGreaterThan(0);
  });

  it('echoes the last user message by default and records the request', async () => {
    server = await createOpenAITestServer();
    const completion = await client().chat.completions.create({
      model: 'm',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'second one' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe('You said: second one');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.messages.at(-1)).toEqual({ role: 'user', content: 'second one' });
  });

  it('answers non-streamed tool calls with encoded arguments', async () => {
    server = await createOpenAITestServer({
      respond: () => ({ toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }),
    });
    const completion = await client().chat.completions.create({ model: 'm', messages: [] });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function).toEqual({
      name: 'lookup',
      arguments: '{"q":"x"}',
    });
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams one chunk per token, then finish, usage and [DONE]', async () => {
    const text = 'One two,  three.\nFour';
    server = await createOpenAITestServer({ respond: () => ({ text }) });
    const lines = await streamRaw({ messages: [], stream_options: { include_usage: true } });

    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as ChatCompletionChunk);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    const contents = chunks.flatMap((chunk) => chunk.choices.map((c) => c.delta.content ?? ''));
    expect(contents.filter(Boolean)).toEqual(splitIntoTokens(text));
    const reasons = chunks.flatMap((chunk) => chunk.choices.map((c) => c.finish_reason));
    expect(reasons.filter(Boolean)).toEqual(['stop']);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(splitIntoTokens(text).length);
  });

  it('streams tool calls like OpenAI: id and name first, then argument fragments', async () => {
    const args = { city: 'Lisbon', days: 5, units: 'metric' };
    server = await createOpenAITestServer({
      respond: () => ({
        toolCalls: [
          { name: 'a', arguments: args },
          { name: 'b', arguments: {} },
        ],
      }),
    });
    const lines = await streamRaw({ messages: [] });
    const fragments = lines
      .slice(0, -1)
      .flatMap((line) => (JSON.parse(line) as ChatCompletionChunk).choices)
      .flatMap((choice) => choice.delta.tool_calls ?? []);
    const first = fragments.filter((fragment) => fragment.index === 0);

    expect(first[0]).toMatchObject({
      id: expect.any(String),
      function: { name: 'a', arguments: '' },
    });
    expect(first.length).toBeGreaterThan(2);
    expect(first.slice(1).every((fragment) => fragment.id === undefined)).toBe(true);
    expect(JSON.parse(first.map((fragment) => fragment.function?.arguments).join(''))).toEqual(
      args,
    );
    expect(fragments.filter((fragment) => fragment.index === 1)[0]?.function?.name).toBe('b');
  });

  it('plays a status fault the given number of times with an OpenAI error body', async () => {
    server = await createOpenAITestServer({ fault: { type: 'status', status: 429, times: 2 } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [] }),
      });
      statuses.push(response.status);
      const body = (await response.json()) as { error?: { code?: string } };
      if (response.status === 429) expect(body.error?.code).toBe('rate_limit_exceeded');
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('hangs on request, counts a client that gives up, and still closes', async () => {
    server = await createOpenAITestServer({ fault: { type: 'hang' } });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
      signal: controller.signal,
    });
    const second = fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    await server.waitForRequests(2);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await server.waitForAborted(1);
    await server.close();
    await expect(second).rejects.toThrow();
    expect(server.aborted).toBe(1);
  });

  it('cuts a stream after some tokens without [DONE], not counting it as a client abort', async () => {
    server = await createOpenAITestServer({
      respond: () => ({ text: 'a b c d e f' }),
      fault: { type: 'cut', afterTokens: 2 },
    });
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [], stream: true }),
    });
    await expect(response.text()).rejects.toThrow();
    expect(server.aborted).toBe(0);
  });

  it('answers unknown paths with 404 and bad JSON with 400', async () => {
    server = await createOpenAITestServer();
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    const bad = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
  });

  it('paces tokens and delays answers without changing them', async () => {
    server = await createOpenAITestServer({ tokensPerSecond: 200, delayMs: 20 });
    const lines = await streamRaw({ messages: [{ role: 'user', content: 'slow please' }] });
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as ChatCompletionChunk);
    const text = chunks
      .flatMap((chunk) => chunk.choices.map((c) => c.delta.content ?? ''))
      .join('');
    expect(text).toBe('You said: slow please');
  });
});
