import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../chat-model';
import { AiCoreError } from '../errors';
import type { ChatStreamPart } from '../messages';
import { createMockChatModel } from './mock-chat-model';

const ask = (content: string): ChatRequest => ({ messages: [{ role: 'user', content }] });

async function collect(parts: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const collected: ChatStreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

describe('createMockChatModel', { timeout: 20_000 }, () => {
  it('echoes the user by default, as word tokens, and records the call', async () => {
    const model = createMockChatModel();
    const parts = await collect(model.stream(ask('hi there')));

    expect(parts).toEqual([
      { type: 'text-delta', text: 'You' },
      { type: 'text-delta', text: ' said:' },
      { type: 'text-delta', text: ' hi' },
      { type: 'text-delta', text: ' there' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(model.modelId).toBe('mock');
    expect(model.calls).toEqual([ask('hi there')]);
    expect(model.aborted).toEqual([false]);
  });

  it('plays the responses in order, tool calls ending with tool-calls', async () => {
    const model = createMockChatModel({
      modelId: 'scripted',
      responses: [
        {
          toolCalls: [
            { name: 'orderStatus', input: { orderNumber: '42' } },
            { name: 'ping', input: '{}' },
          ],
        },
        { text: 'It shipped.', finishReason: 'length' },
      ],
    });
    const first = await collect(model.stream(ask('where is 42?')));
    const second = await collect(model.stream(ask('thanks')));

    const calls = first.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []));
    expect(calls.map(({ name, input }) => ({ name, input }))).toEqual([
      { name: 'orderStatus', input: '{"orderNumber":"42"}' },
      { name: 'ping', input: '{}' },
    ]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    expect(first.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    expect(second.map((part) => (part.type === 'text-delta' ? part.text : '')).join('')).toBe(
      'It shipped.',
    );
    expect(second.at(-1)).toEqual({ type: 'finish', finishReason: 'length' });
    expect(model.modelId).toBe('scripted');
  });

  it('fails a call beyond the scripted responses', async () => {
    const model = createMockChatModel({ responses: [{ text: 'only one' }] });
    await collect(model.stream(ask('a')));
    await expect(collect(model.stream(ask('b')))).rejects.toSatisfy(AiCoreError.isInstance);
    expect(model.calls).toHaveLength(2);
  });

  it('asks a response function with the request and the call index', async () => {
    const model = createMockChatModel({
      responses: async (request, index) => ({ text: `${index}:${request.messages.length}` }),
    });
    const texts: string[] = [];
    for (const content of ['a', 'b']) {
      const parts = await collect(model.stream(ask(content)));
      texts.push(parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join(''));
    }
    expect(texts).toEqual(['0:1', '1:1']);
  });

  it('throws the scripted error', async () => {
    const error = new AiCoreError('rate_limited');
    const model = createMockChatModel({ responses: [{ error }], delayMs: 5 });
    await expect(collect(model.stream(ask('a')))).rejects.toBe(error);
  });

  it('hangs until aborted, then throws the reason and records the abort', async () => {
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const controller = new AbortController();
    const result = collect(model.stream(ask('a'), { signal: controller.signal }));
    controller.abort(new Error('deadline'));

    await expect(result).rejects.toThrow('deadline');
    expect(model.aborted).toEqual([true]);
  });

  it('stops streaming promptly when aborted mid-answer', async () => {
    const text = Array.from({ length: 50 }, (_, index) => `w${index}`).join(' ');
    const model = createMockChatModel({ responses: [{ text }], tokenDelayMs: 50 });
    const controller = new AbortController();
    const reason = new Error('user left');
    const received: ChatStreamPart[] = [];
    const run = async () => {
      for await (const part of model.stream(ask('a'), { signal: controller.signal })) {
        received.push(part);
        if (received.length === 2) controller.abort(reason);
      }
    };

    await expect(run()).rejects.toBe(reason);
    expect(received).toHaveLength(2);
    expect(model.aborted).toEqual([true]);
  });

  it('records a call made with an already aborted signal as aborted', async () => {
    const model = createMockChatModel();
    const signal = AbortSignal.abort();
    await expect(collect(model.stream(ask('a'), { signal }))).rejects.toBe(signal.reason);
    expect(model.aborted).toEqual([true]);
  });
});

describe('createMockChatModel({ record: false })', () => {
  it('answers in order without keeping the calls', async () => {
    const model = createMockChatModel({
      responses: [{ text: 'one' }, { text: 'two' }],
      record: false,
    });
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      let text = '';
      for await (const part of model.stream({ messages: [{ role: 'user', content: 'x' }] })) {
        if (part.type === 'text-delta') text += part.text;
      }
      texts.push(text);
    }
    expect(texts).toEqual(['one', 'two']);
    expect(model.calls).toEqual([]);
    expect(model.aborted).toEqual([]);
  });
});

describe('createMockChatModel().generate', () => {
  it('gives the scripted answer whole and records how each call was made', async () => {
    const model = createMockChatModel({
      responses: [
        {
          text: 'Let me look.',
          toolCalls: [{ name: 'orderStatus', input: { orderNumber: '42' } }],
        },
        { text: 'It shipped.', finishReason: 'length' },
      ],
    });
    expect(await model.generate?.(ask('where is 42?'))).toEqual({
      text: 'Let me look.',
      toolCalls: [{ id: 'call_0_0', name: 'orderStatus', input: '{"orderNumber":"42"}' }],
      finishReason: 'tool-calls',
    });
    await collect(model.stream(ask('thanks')));
    expect(model.calls).toEqual([ask('where is 42?'), ask('thanks')]);
    expect(model.methods).toEqual(['generate', 'stream']);
  });

  it('throws, hangs and honours the signal as the stream does', async () => {
    const failing = createMockChatModel({ responses: [{ error: new Error('boom') }] });
    await expect(failing.generate?.(ask('a'))).rejects.toThrow('boom');
    const hanging = createMockChatModel({ responses: [{ hang: true }] });
    const controller = new AbortController();
    const pending = hanging.generate?.(ask('a'), { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(hanging.aborted).toEqual([true]);
  });

  it('is left out with generate: false', () => {
    expect(createMockChatModel({ generate: false }).generate).toBeUndefined();
  });
});
