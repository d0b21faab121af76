import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../chat-model';
import { AiCoreError } from '../errors';
import type { ChatStreamPart } from '../messages';
import { createOpenAITestServer, type OpenAITestServer } from '../test/openai-test-server';
import { splitIntoTokens } from '../test/split-tokens';
import { createOpenAIModel, type OpenAIModelOptions } from './create-openai-model';

const hello: ChatRequest = { messages: [{ role: 'user', content: 'Hello there' }] };
const longText = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');

async function collect(parts: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const collected: ChatStreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

/** The parts received before the stream threw, and what it threw. */
async function collectUntilError(parts: AsyncIterable<ChatStreamPart>) {
  const received: ChatStreamPart[] = [];
  try {
    for await (const part of parts) received.push(part);
  } catch (error) {
    return { received, error };
  }
  throw new Error(`expected the stream to fail, got ${JSON.stringify(received)}`);
}

function textOf(parts: ChatStreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
}

describe('createOpenAIModel', { timeout: 20_000 }, () => {
  let server: OpenAITestServer;
  const model = (options: Partial<OpenAIModelOptions> = {}) =>
    createOpenAIModel({ model: 'test-model', baseURL: server.url, maxRetries: 0, ...options });

  beforeEach(async () => {
    server = await createOpenAITestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('streams the server text as deltas and ends with one finish part', async () => {
    const text = 'Our shop opens at 9:00, every day.\nSee you soon!';
    server.setResponder(() => ({ text }));
    const parts = await collect(model().stream(hello));

    expect(textOf(parts)).toBe(text);
    expect(parts.filter((part) => part.type === 'text-delta')).toHaveLength(
      splitIntoTokens(text).length,
    );
    expect(parts.filter((part) => part.type === 'finish')).toEqual([
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('uses the model name as modelId and in the request', async () => {
    const gemma = model({ model: 'gemma3:4b' });
    await collect(gemma.stream(hello));
    expect(gemma.modelId).toBe('gemma3:4b');
    expect(server.requests[0]?.model).toBe('gemma3:4b');
  });

  it('maps messages, tools and options to the OpenAI request, without the context', async () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'You are helpful. Passage: we ship worldwide.' },
        { role: 'user', content: 'Where is order 42?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_1', name: 'orderStatus', input: '{"orderNumber":"42"}' }],
        },
        { role: 'tool', toolCallId: 'call_1', content: '{"status":"shipped"}' },
        { role: 'assistant', content: 'It has shipped.' },
        { role: 'user', content: 'Thanks' },
      ],
      tools: [
        {
          name: 'orderStatus',
          description: 'Look up an order',
          parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
        },
      ],
      context: [
        { id: 'shipping.md#worldwide', source: 'shipping.md', title: 'Shipping', text: 'x' },
      ],
      channel: 'chat',
    };
    await collect(model({ temperature: 0.2, maxOutputTokens: 300 }).stream(request));

    const body = server.requests[0] as unknown as Record<string, unknown>;
    expect(body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'You are helpful. Passage: we ship worldwide.' },
        { role: 'user', content: 'Where is order 42?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'orderStatus', arguments: '{"orderNumber":"42"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
        { role: 'assistant', content: 'It has shipped.' },
        { role: 'user', content: 'Thanks' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'orderStatus',
            description: 'Look up an order',
            parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
          },
        },
      ],
      temperature: 0.2,
      max_completion_tokens: 300,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends no tools when the request offers none', async () => {
    await collect(model().stream({ ...hello, tools: [] }));
    expect(server.requests[0]).not.toHaveProperty('tools');
  });

  it('assembles two streamed tool calls from their fragments', async () => {
    const order = { orderNumber: '42', note: 'a fairly long note so the arguments come in pieces' };
    const weather = { city: 'Zürich', days: 3 };
    server.setResponder(() => ({
      text: 'Let me check.',
      toolCalls: [
        { name: 'orderStatus', arguments: order },
        { name: 'weather', arguments: weather },
      ],
    }));
    const parts = await collect(model().stream(hello));

    expect(textOf(parts)).toBe('Let me check.');
    const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []));
    expect(calls.map((call) => call.name)).toEqual(['orderStatus', 'weather']);
    expect(calls.map((call) => JSON.parse(call.input))).toEqual([order, weather]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    expect(calls.every((call) => call.id.length > 0)).toBe(true);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    const lastText = parts.findLastIndex((part) => part.type === 'text-delta');
    const firstCall = parts.findIndex((part) => part.type === 'tool-call');
    expect(lastText).toBeLessThan(firstCall);
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'tool-calls'],
  ] as const)('maps the finish reason %s to %s', async (wire, expected) => {
    server.setResponder(() => ({ text: 'Some answer', finishReason: wire }));
    const parts = await collect(model().stream(hello));
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: expected });
  });

  it.each([
    [429, 'rate_limited', true],
    [500, 'model_unavailable', true],
    [503, 'model_unavailable', true],
    [401, 'model_unavailable', false],
    [400, 'model_unavailable', false],
  ] as const)('translates status %i into %s (retryable: %s)', async (status, code, retryable) => {
    server.setFault({ type: 'status', status });
    const { received, error } = await collectUntilError(model().stream(hello));

    expect(received).toEqual([]);
    expect(AiCoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code, isRetryable: retryable });
    const cause = (error as AiCoreError).cause;
    expect(cause).toBeInstanceOf(OpenAI.APIError);
    expect((cause as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
  });

  it.each([429, 500])('succeeds when the client retries past %i once', async (status) => {
    server.setResponder(() => ({ text: 'Second time lucky' }));
    server.setFault({ type: 'status', status, times: 1 });
    const parts = await collect(model({ maxRetries: 2 }).stream(hello));

    expect(textOf(parts)).toBe('Second time lucky');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a stream cut mid-answer as model_unavailable', async () => {
    server.setResponder(() => ({ text: longText }));
    server.setFault({ type: 'cut', afterTokens: 3 });
    const { received, error } = await collectUntilError(model().stream(hello));

    expect(received.filter((part) => part.type === 'text-delta')).toHaveLength(3);
    expect(received.some((part) => part.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ code: 'model_unavailable', isRetryable: true });
    expect(AiCoreError.isInstance(error)).toBe(true);
  });

  it('reports an unreachable server as retryable model_unavailable', async () => {
    const gone = await createOpenAITestServer();
    await gone.close();
    const { error } = await collectUntilError(model({ baseURL: gone.url }).stream(hello));

    expect(error).toMatchObject({ code: 'model_unavailable', isRetryable: true });
    expect((error as AiCoreError).cause).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('reports a server that never answers within the client timeout as model_timeout', async () => {
    server.setFault({ type: 'hang' });
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, timeout: 300, maxRetries: 0 });
    const { error } = await collectUntilError(
      createOpenAIModel({ model: 'm', client }).stream(hello),
    );

    expect(error).toMatchObject({ code: 'model_timeout', isRetryable: true });
    expect((error as AiCoreError).cause).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when the caller aborts mid-stream and closes the HTTP request', async () => {
    await server.close();
    server = await createOpenAITestServer({
      tokensPerSecond: 5,
      respond: () => ({ text: longText }),
    });
    const controller = new AbortController();
    const reason = new Error('caller went away');
    const received: ChatStreamPart[] = [];
    let thrown: unknown;
    try {
      for await (const part of model().stream(hello, { signal: controller.signal })) {
        received.push(part);
        controller.abort(reason);
      }
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBe(reason);
    expect(received).toHaveLength(1);
    await server.waitForAborted(1);
    expect(server.aborted).toBe(1);
  });

  it('aborts the HTTP request while still waiting for the answer', async () => {
    server.setFault({ type: 'hang' });
    const controller = new AbortController();
    const parts = model().stream(hello, { signal: controller.signal });
    const result = collectUntilError(parts);
    await server.waitForRequests(1);
    controller.abort();

    const { error } = await result;
    expect(error).toBe(controller.signal.reason);
    await server.waitForAborted(1);
  });

  it('makes no request when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await collectUntilError(model().stream(hello, { signal: controller.signal }));

    expect(error).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(0);
  });

  it('closes the HTTP request when the consumer stops reading', async () => {
    await server.close();
    server = await createOpenAITestServer({
      tokensPerSecond: 5,
      respond: () => ({ text: longText }),
    });
    for await (const part of model().stream(hello)) {
      expect(part.type).toBe('text-delta');
      break;
    }
    await server.waitForAborted(1);
    expect(server.aborted).toBe(1);
  });

  it('refuses a redirect instead of posting the conversation again elsewhere', async () => {
    const redirect = createServer((_request, response) => {
      response.writeHead(307, { location: `${server.url}/chat/completions` }).end();
    });
    await new Promise<void>((resolve) => redirect.listen(0, '127.0.0.1', resolve));
    const { port } = redirect.address() as AddressInfo;
    try {
      const moved = model({ baseURL: `http://127.0.0.1:${port}/v1` });
      await expect(moved.generate?.(hello)).rejects.toMatchObject({ code: 'model_unavailable' });
      const { error } = await collectUntilError(moved.stream(hello));
      expect(error).toMatchObject({ code: 'model_unavailable' });
      expect(server.requests).toHaveLength(0);
    } finally {
      await new Promise((resolve) => redirect.close(resolve));
    }
  });

  it('builds its own client when none is given, sending the api key', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization') ?? '');
      return fetch(input, init);
    };
    await collect(model({ fetch: spy }).stream(hello));
    await collect(model({ fetch: spy, apiKey: 'sk-test' }).stream(hello));
    expect(seen).toEqual(['Bearer not-needed', 'Bearer sk-test']);
  });
});

describe('createOpenAIModel with a server that ends its stream early', () => {
  it('reports a stream closed without a finish reason as model_unavailable', async () => {
    const chunk = {
      id: 'c1',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'm',
      choices: [{ index: 0, delta: { content: 'Half an' }, finish_reason: null }],
    };
    // A server that closes the stream cleanly but too soon: no finish chunk before [DONE].
    const truncated: typeof fetch = async () =>
      new Response(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`, {
        headers: { 'content-type': 'text/event-stream' },
      });
    const model = createOpenAIModel({
      model: 'm',
      baseURL: 'http://127.0.0.1:1/v1',
      fetch: truncated,
    });
    const { received, error } = await collectUntilError(model.stream(hello));

    expect(received).toEqual([{ type: 'text-delta', text: 'Half an' }]);
    expect(error).toMatchObject({ code: 'model_unavailable' });
  });
});

describe('createOpenAIModel().generate (a non-streamed completion)', { timeout: 20_000 }, () => {
  let server: OpenAITestServer;
  const generate = (request: ChatRequest, options: { signal?: AbortSignal } = {}) => {
    const model = createOpenAIModel({ model: 'test-model', baseURL: server.url, maxRetries: 0 });
    if (!model.generate) throw new Error('the OpenAI model has no generate');
    return model.generate(request, options);
  };
  /** What generate rejected with. */
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      (value) => {
        throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
      },
      (error: unknown) => error,
    );

  beforeEach(async () => {
    server = await createOpenAITestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('asks for stream: false and answers with the whole text at once', async () => {
    const text = 'Our shop opens at 9:00, every day.\nSee you soon!';
    server.setResponder(() => ({ text }));
    expect(await generate(hello)).toEqual({ text, toolCalls: [], finishReason: 'stop' });
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0] as unknown as Record<string, unknown>;
    expect(body.stream).toBe(false);
    expect(body).not.toHaveProperty('stream_options');
    expect(body.messages).toEqual([{ role: 'user', content: 'Hello there' }]);
  });

  it('gives the tool calls with their ids, names and JSON input, finishing with tool-calls', async () => {
    const order = { orderNumber: '42' };
    server.setResponder(() => ({
      text: 'Let me check.',
      toolCalls: [
        { name: 'orderStatus', arguments: order },
        { name: 'ping', arguments: '' },
      ],
    }));
    const tools = [{ name: 'orderStatus', description: 'Look up', parameters: {} }];
    const answer = await generate({ ...hello, tools });
    expect(answer.text).toBe('Let me check.');
    expect(answer.finishReason).toBe('tool-calls');
    expect(answer.toolCalls.map(({ name, input }) => ({ name, input }))).toEqual([
      { name: 'orderStatus', input: JSON.stringify(order) },
      { name: 'ping', input: '{}' },
    ]);
    expect(new Set(answer.toolCalls.map((call) => call.id)).size).toBe(2);
    expect(answer.toolCalls.every((call) => call.id.length > 0)).toBe(true);
    expect((server.requests[0] as unknown as Record<string, unknown>).tools).toHaveLength(1);
  });

  it('answers text null as an empty text', async () => {
    server.setResponder(() => ({ toolCalls: [{ name: 'ping', arguments: {} }] }));
    expect((await generate(hello)).text).toBe('');
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
  ] as const)('maps the finish reason %s to %s', async (wire, expected) => {
    server.setResponder(() => ({ text: 'Some answer', finishReason: wire }));
    expect((await generate(hello)).finishReason).toBe(expected);
  });

  it('says tool-calls when a compatible server says stop with tool calls', async () => {
    server.setResponder(() => ({
      toolCalls: [{ name: 'ping', arguments: {} }],
      finishReason: 'stop',
    }));
    expect((await generate(hello)).finishReason).toBe('tool-calls');
  });

  it.each([
    [429, 'rate_limited', true],
    [500, 'model_unavailable', true],
    [401, 'model_unavailable', false],
  ] as const)('translates status %i into %s (retryable: %s)', async (status, code, retryable) => {
    server.setFault({ type: 'status', status });
    const error = await failureOf(generate(hello));
    expect(AiCoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code, isRetryable: retryable });
    expect((error as AiCoreError).cause).toBeInstanceOf(OpenAI.APIError);
  });

  it('succeeds when the client retries past a 500 once', async () => {
    server.setResponder(() => ({ text: 'Second time lucky' }));
    server.setFault({ type: 'status', status: 500, times: 1 });
    const model = createOpenAIModel({ model: 'm', baseURL: server.url, maxRetries: 2 });
    expect((await model.generate?.(hello))?.text).toBe('Second time lucky');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a connection closed before the answer as model_unavailable', async () => {
    server.setFault({ type: 'cut', afterTokens: 0 });
    const error = await failureOf(generate(hello));
    expect(error).toMatchObject({ code: 'model_unavailable', isRetryable: true });
  });

  it('reports a server that never answers within the client timeout as model_timeout', async () => {
    server.setFault({ type: 'hang' });
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, timeout: 300, maxRetries: 0 });
    const error = await failureOf(
      createOpenAIModel({ model: 'm', client }).generate?.(hello) ?? Promise.resolve(),
    );
    expect(error).toMatchObject({ code: 'model_timeout', isRetryable: true });
  });

  it('aborts the HTTP request when the caller aborts while waiting, with its reason', async () => {
    server.setFault({ type: 'hang' });
    const controller = new AbortController();
    const pending = failureOf(generate(hello, { signal: controller.signal }));
    await server.waitForRequests(1);
    const reason = new Error('caller went away');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    await server.waitForAborted(1);
  });

  it('makes no request when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failureOf(generate(hello, { signal: controller.signal }))).toBe(
      controller.signal.reason,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('createOpenAIModel().generate with an unusual server', () => {
  const answering =
    (body: unknown): typeof fetch =>
    async () =>
      Response.json(body);
  const completion = (message: Record<string, unknown>, finishReason: string | null) => ({
    id: 'c1',
    object: 'chat.completion',
    created: 0,
    model: 'm',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
    ],
  });
  const generateWith = (body: unknown) =>
    createOpenAIModel({
      model: 'm',
      baseURL: 'http://127.0.0.1:1/v1',
      fetch: answering(body),
    }).generate?.(hello);

  it('refuses a tool call without a function name as model_unavailable', async () => {
    const body = completion(
      {
        content: null,
        tool_calls: [{ id: 'x', type: 'function', function: { name: '', arguments: '{}' } }],
      },
      'tool_calls',
    );
    await expect(generateWith(body)).rejects.toMatchObject({ code: 'model_unavailable' });
  });

  it('refuses an answer without a choice as model_unavailable', async () => {
    await expect(generateWith({ ...completion({}, 'stop'), choices: [] })).rejects.toMatchObject({
      code: 'model_unavailable',
    });
  });

  it('takes an answer without a finish reason as finished for another reason', async () => {
    expect(await generateWith(completion({ content: 'Fine.' }, null))).toEqual({
      text: 'Fine.',
      toolCalls: [],
      finishReason: 'other',
    });
  });
});
