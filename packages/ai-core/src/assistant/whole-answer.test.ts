import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatModel } from '../chat-model';
import { AiCoreError } from '../errors';
import { createMemoryHistory } from '../history/memory-history';
import { createOpenAIModel } from '../openai/index';
import { createMockChatModel, createOpenAITestServer, type OpenAITestServer } from '../test/index';
import { defineTool } from '../tools';
import { createAssistant } from './create-assistant';
import { instructions, stored, turn } from './turn-fixtures';

const orderTools = {
  orderStatus: defineTool({
    description: 'Status of an order',
    parameters: z.object({ orderNumber: z.string() }),
    execute: async ({ orderNumber }) => ({ orderNumber, status: 'shipped' }),
  }),
};

describe('a whole answer when nobody streams', () => {
  it('reply() on chat asks the model for a whole answer; stream() streams', async () => {
    const model = createMockChatModel({ responses: () => ({ text: 'We open at nine.' }) });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    expect((await assistant.reply(turn('When do you open?'))).text).toBe('We open at nine.');
    for await (const _ of assistant.stream(turn('And on Sunday?'))) {
      // read to the end
    }
    expect(model.methods).toEqual(['generate', 'stream']);
    expect(await stored(history)).toEqual([
      'user: When do you open?',
      'assistant: We open at nine.',
      'user: And on Sunday?',
      'assistant: We open at nine.',
    ]);
  });

  it('streams on a channel that cuts early, and with deliver', async () => {
    const model = createMockChatModel({ responses: () => ({ text: 'One. Two. Three.' }) });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    expect((await assistant.reply(turn('Hi', { channel: 'voice' }))).text).toBe('One. Two.');
    await assistant.reply(turn('Hi', { deliver: async () => ({ kept: true }) }));
    expect(model.methods).toEqual(['stream', 'stream']);
  });

  it('runs the tool loop on whole answers', async () => {
    const model = createMockChatModel({
      responses: [
        { toolCalls: [{ name: 'orderStatus', input: { orderNumber: '42' } }] },
        { text: 'Order 42 has shipped.' },
      ],
    });
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions,
      tools: orderTools,
    });
    expect((await assistant.reply(turn('Where is order 42?'))).text).toBe('Order 42 has shipped.');
    expect(model.methods).toEqual(['generate', 'generate']);
    expect(model.calls[1]?.messages.slice(-2)).toMatchObject([
      { role: 'assistant', toolCalls: [{ name: 'orderStatus', input: '{"orderNumber":"42"}' }] },
      { role: 'tool', toolCallId: 'call_0_0', content: '{"orderNumber":"42","status":"shipped"}' },
    ]);
  });

  it('streams a model without generate and collects its parts', async () => {
    const model = createMockChatModel({ generate: false, responses: [{ text: 'Streamed.' }] });
    expect(model.generate).toBeUndefined();
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    expect((await assistant.reply(turn('Hi'))).text).toBe('Streamed.');
    expect(model.methods).toEqual(['stream']);
  });

  it('ends a turn whose generate ignores the signal at the deadline, keeping the message', async () => {
    const model: ChatModel = {
      modelId: 'stuck',
      stream: () => {
        throw new Error('not expected');
      },
      generate: () => new Promise(() => {}),
    };
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions, timeoutMs: 50 });
    await expect(assistant.reply(turn('Hello?'))).rejects.toMatchObject({ code: 'model_timeout' });
    expect(await stored(history)).toEqual(['user: Hello?']);
  });

  it('reports a generate that throws something else as model_unavailable', async () => {
    const model = createMockChatModel({ responses: [{ error: new Error('boom') }] });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    const error = await assistant.reply(turn('Hi')).catch((thrown: unknown) => thrown);
    expect(AiCoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'model_unavailable' });
  });

  it('refuses a model whose generate is not a function', () => {
    const model = { ...createMockChatModel(), generate: 'yes' };
    expect(() =>
      createAssistant({
        model: model as unknown as ChatModel,
        history: createMemoryHistory(),
        instructions,
      }),
    ).toThrow(AiCoreError);
  });
});

describe('a whole answer over the real openai client', { timeout: 20_000 }, () => {
  let server: OpenAITestServer;
  beforeEach(async () => {
    server = await createOpenAITestServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const assistantOn = (tools?: typeof orderTools) =>
    createAssistant({
      model: createOpenAIModel({ model: 'test-model', baseURL: server.url, maxRetries: 0 }),
      history: createMemoryHistory(),
      instructions,
      ...(tools ? { tools } : {}),
    });

  it('reply() sends stream: false, stream() stream: true', async () => {
    server.setResponder(() => ({ text: 'We open at nine.' }));
    const assistant = assistantOn();
    expect((await assistant.reply(turn('When?'))).text).toBe('We open at nine.');
    let streamed = '';
    for await (const part of assistant.stream(turn('Sure?'))) {
      if (part.type === 'text-delta') streamed += part.text;
    }
    expect(streamed).toBe('We open at nine.');
    expect(server.requests.map((request) => request.stream)).toEqual([false, true]);
  });

  it('runs a tool between two non-streamed completions', async () => {
    server.setResponder((request) =>
      request.messages.at(-1)?.role === 'tool'
        ? { text: 'Order 42 has shipped.' }
        : { toolCalls: [{ name: 'orderStatus', arguments: { orderNumber: '42' } }] },
    );
    const reply = await assistantOn(orderTools).reply(turn('Where is order 42?'));
    expect(reply.text).toBe('Order 42 has shipped.');
    expect(server.requests.map((request) => request.stream)).toEqual([false, false]);
    expect(server.requests[1]?.messages.slice(-2)).toMatchObject([
      { role: 'assistant', tool_calls: [{ function: { name: 'orderStatus' } }] },
      { role: 'tool', content: '{"orderNumber":"42","status":"shipped"}' },
    ]);
  });

  it('aborts the model request when the caller cancels a whole answer', async () => {
    server.setFault({ type: 'hang' });
    const controller = new AbortController();
    const pending = assistantOn().reply(turn('Hang on', { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort(new Error('visitor left'));
    await expect(pending).rejects.toThrow('visitor left');
    await server.waitForAborted(1);
  });
});
