import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AiCoreError } from '../errors';
import { createMemoryHistory } from '../history/memory-history';
import type { HistoryStore } from '../history-store';
import { createKnowledgeBase } from '../knowledge/index';
import { createMockChatModel } from '../test/index';
import { defineTool } from '../tools';
import { createAssistant } from './create-assistant';
import { maxCutChars } from './run-model';
import { instructions, stored, turn } from './turn-fixtures';
import type { ReplyInput } from './types';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (AiCoreError.isInstance(error) ? error.code : String(error)),
  );

describe('createAssistant', () => {
  it('answers with the model and remembers both turns', async () => {
    const model = createMockChatModel({ responses: [{ text: 'We open at nine.' }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const reply = await assistant.reply(turn('When do you open?'));
    expect(reply).toMatchObject({ text: 'We open at nine.', channel: 'chat', replayed: false });
    expect(await stored(history)).toEqual([
      'user: When do you open?',
      'assistant: We open at nine.',
    ]);
    const system = model.calls[0]?.messages[0];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain(instructions);
  });

  it('sends the last maxTurns messages of history to the model', async () => {
    const model = createMockChatModel();
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions, maxTurns: 2 });
    await assistant.reply(turn('one'));
    await assistant.reply(turn('two'));
    const messages = model.calls[1]?.messages.map((m) => `${m.role}: ${m.content}`);
    expect(messages?.slice(1)).toEqual(['user: one', 'assistant: You said: one', 'user: two']);
    await assistant.reply(turn('three'));
    expect(model.calls[2]?.messages.slice(1, -1).map((m) => m.content)).toEqual([
      'two',
      'You said: two',
    ]);
  });

  it('streams text deltas as the model produces them, then the rendered reply', async () => {
    const text = 'We open at **9 AM**. See you soon!';
    const assistant = createAssistant({
      model: createMockChatModel({ responses: [{ text }] }),
      history: createMemoryHistory(),
      instructions,
    });
    const parts = [];
    for await (const part of assistant.stream(turn('hours?'))) parts.push(part);
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((part) => part.text).join('')).toBe(text);
    expect(parts.at(-1)).toMatchObject({ type: 'reply', reply: { text } });
  });

  it('renders for the channel: voice gets no markdown and at most two sentences', async () => {
    const text = '## Hours\n- **Mon–Fri**: open 9:00–18:00.\n- Sat: 10:00–16:00.\n- Sun: closed.';
    const assistant = createAssistant({
      model: createMockChatModel({ responses: () => ({ text }) }),
      history: createMemoryHistory(),
      instructions,
    });
    const voice = await assistant.reply(turn('hours?', { channel: 'voice' }));
    expect(voice.text).not.toMatch(/[*#_`[\]]|^-/);
    expect(voice.text.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBeLessThanOrEqual(2);
    const chat = await assistant.reply(turn('hours?', { channel: 'chat' }));
    expect(chat.text).toBe(text);
  });

  it('voice: stops the model once the second sentence is complete', async () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `This is sentence number ${i + 1}.`);
    const model = createMockChatModel({
      responses: [{ text: sentences.join(' ') }],
      tokenDelayMs: 1,
    });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    const deltas: string[] = [];
    let final = '';
    for await (const part of assistant.stream(turn('tell me', { channel: 'voice' }))) {
      if (part.type === 'text-delta') deltas.push(part.text);
      else final = part.reply.text;
    }
    expect(final).toBe('This is sentence number 1. This is sentence number 2.');
    // The model was stopped as soon as the third sentence began.
    expect(deltas.join('')).toBe(`${final} This`);
    expect(model.aborted[0]).toBe(true);
  });

  it('voice: stops a long answer without sentence ends once nothing more could be spoken', async () => {
    const runOn = 'and then some more words '.repeat(1000);
    const model = createMockChatModel({ responses: [{ text: runOn }] });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    let streamed = '';
    for await (const part of assistant.stream(turn('show me', { channel: 'voice' }))) {
      if (part.type === 'text-delta') streamed += part.text;
    }
    expect(model.aborted[0]).toBe(true);
    expect(streamed.length).toBeGreaterThanOrEqual(maxCutChars);
    expect(streamed.length).toBeLessThan(runOn.length);
  });

  it('adds a channel without touching the core', async () => {
    const assistant = createAssistant({
      model: createMockChatModel({ responses: [{ text: 'Hello **there**' }] }),
      history: createMemoryHistory(),
      instructions,
      channels: {
        slack: {
          name: 'slack',
          instructions: 'Slack.',
          render: (text) => text.replaceAll('**', '*'),
        },
      },
    });
    expect((await assistant.reply(turn('hi', { channel: 'slack' }))).text).toBe('Hello *there*');
  });

  it('grounds the prompt in the best knowledge passages', async () => {
    const knowledge = createKnowledgeBase([
      {
        source: 'hours.md',
        markdown: '# Hours\n## Opening hours\nWe are open Monday to Friday, 8:00 to 18:00.',
      },
      { source: 'returns.md', markdown: '# Returns\n## Policy\nReturn books within 30 days.' },
    ]);
    const model = createMockChatModel();
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions,
      knowledge,
    });
    const reply = await assistant.reply(turn('What are your opening hours?'));
    const request = model.calls[0];
    expect(request?.context?.[0]?.source).toBe('hours.md');
    expect(request?.messages[0]?.content).toContain('Monday to Friday, 8:00 to 18:00');
    expect(request?.messages[0]?.content).not.toContain('30 days');
    expect(reply.sources.map((source) => source.source)).toEqual(['hours.md']);
  });
});

describe('tools', () => {
  const tools = {
    orderStatus: {
      description: 'Status of an order',
      parameters: z.object({ orderNumber: z.string() }),
      execute: async ({ orderNumber }: { orderNumber: string }) => ({
        orderNumber,
        status: 'shipped',
      }),
    },
  };

  it('runs tool calls and gives the results back to the model', async () => {
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
      tools,
    });
    const reply = await assistant.reply(turn('Where is order 42?'));
    expect(reply.text).toBe('Order 42 has shipped.');
    expect(model.calls[0]?.tools?.[0]).toMatchObject({
      name: 'orderStatus',
      parameters: { type: 'object', properties: { orderNumber: { type: 'string' } } },
    });
    const toolMessage = model.calls[1]?.messages.at(-1);
    expect(toolMessage).toMatchObject({ role: 'tool', toolCallId: 'call_0_0' });
    expect(JSON.parse(toolMessage?.content ?? '')).toEqual({
      orderNumber: '42',
      status: 'shipped',
    });
  });

  it('tells the model about invalid input and unknown tools instead of failing', async () => {
    const model = createMockChatModel({
      responses: [
        {
          toolCalls: [
            { name: 'orderStatus', input: { orderNumber: 42 } },
            { name: 'launchRocket', input: {} },
          ],
        },
        { text: 'Sorry, I could not look that up.' },
      ],
    });
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions,
      tools,
    });
    expect((await assistant.reply(turn('order 42?'))).text).toBe(
      'Sorry, I could not look that up.',
    );
    const results = model.calls[1]?.messages
      .filter((m) => m.role === 'tool')
      .map((m) => JSON.parse(m.content).error);
    expect(results?.[0]).toMatch(/Invalid tool input/);
    expect(results?.[1]).toMatch(/no tool named "launchRocket"/);
  });

  it('bounds the loop: the last step offers no tools', async () => {
    const call = { toolCalls: [{ name: 'orderStatus', input: { orderNumber: '1' } }] };
    const model = createMockChatModel({ responses: [call, call, { text: 'Done.' }] });
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions,
      tools,
    });
    expect((await assistant.reply(turn('go'))).text).toBe('Done.');
    expect(model.calls.map((request) => request.tools?.length ?? 0)).toEqual([1, 1, 0]);
  });
});

describe('tools and the deadline', () => {
  it('a hung tool ends at the deadline, keeping the user turn and releasing the event', async () => {
    const tools = {
      slow: defineTool({
        description: 'Never answers',
        parameters: z.object({}),
        execute: () => new Promise(() => {}),
      }),
    };
    const model = createMockChatModel({
      responses: [{ toolCalls: [{ name: 'slow', input: {} }] }, { text: 'Done.' }],
    });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions, tools, timeoutMs: 100 });
    expect(await codeOf(assistant.reply(turn('go', { eventId: 'e-slow' })))).toBe('model_timeout');
    expect(await stored(history)).toEqual(['user: go']);
    const { claim } = await history.load('c1', { limit: 0, claim: 'e-slow' });
    expect(claim).toEqual({ status: 'claimed' });
  });

  it("gives tools the turn's event id, so side effects can happen once", async () => {
    const seen: (string | undefined)[] = [];
    const tools = {
      book: defineTool({
        description: 'Books a table',
        parameters: z.object({ people: z.number() }),
        execute: (input, context) => {
          seen.push(context.eventId);
          return { booked: input.people };
        },
      }),
    };
    const model = createMockChatModel({
      responses: [{ toolCalls: [{ name: 'book', input: { people: 2 } }] }, { text: 'Booked.' }],
    });
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions,
      tools,
    });
    await assistant.reply(turn('table for two', { eventId: 'evt-book' }));
    expect(seen).toEqual(['evt-book']);
  });

  it('types execute from the schema', () => {
    defineTool({
      description: 'typed',
      parameters: z.object({ orderNumber: z.string() }),
      // @ts-expect-error: orderNumbr is not a field of the schema
      execute: ({ orderNumbr }: { orderNumbr: number }) => orderNumbr,
    });
  });
});

describe('idempotency and concurrency', () => {
  it('the same eventId twice gives the stored reply without a second model call or turn', async () => {
    const model = createMockChatModel();
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const first = await assistant.reply(turn('hello', { eventId: 'evt-1' }));
    const second = await assistant.reply(turn('hello', { eventId: 'evt-1' }));
    expect(second).toMatchObject({ text: first.text, replayed: true });
    expect(model.calls).toHaveLength(1);
    expect(await stored(history)).toHaveLength(2);
  });

  it('also when both calls arrive at the same moment', async () => {
    const model = createMockChatModel({ tokenDelayMs: 5 });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => assistant.reply(turn('hello there', { eventId: 'evt-2' }))),
    );
    expect(model.calls).toHaveLength(1);
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect(replies.filter((reply) => !reply.replayed)).toHaveLength(1);
    expect(await stored(history)).toHaveLength(2);
  });

  it('two different messages at once in one conversation both survive', async () => {
    const history = createMemoryHistory();
    const assistant = createAssistant({
      model: createMockChatModel({ tokenDelayMs: 3 }),
      history,
      instructions,
    });
    await Promise.all([assistant.reply(turn('first')), assistant.reply(turn('second'))]);
    const messages = await stored(history);
    expect(messages).toHaveLength(4);
    expect(messages).toEqual(
      expect.arrayContaining([
        'user: first',
        'user: second',
        'assistant: You said: first',
        'assistant: You said: second',
      ]),
    );
  });
});

describe('failures', () => {
  it('keeps the user turn when the model fails, and a retry of the event does not repeat it', async () => {
    const failure = new AiCoreError('model_unavailable', { message: 'down' });
    const model = createMockChatModel({ responses: [{ error: failure }, { text: 'Back now.' }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    expect(await codeOf(assistant.reply(turn('hello?', { eventId: 'e' })))).toBe(
      'model_unavailable',
    );
    expect(await stored(history)).toEqual(['user: hello?']);
    const retry = await assistant.reply(turn('hello?', { eventId: 'e' }));
    expect(retry).toMatchObject({ text: 'Back now.', replayed: false });
    expect(await stored(history)).toEqual(['user: hello?', 'assistant: Back now.']);
    expect(model.calls[1]?.messages.filter((m) => m.role === 'user')).toHaveLength(1);
  });

  it('wraps unknown model errors as model_unavailable', async () => {
    const model = createMockChatModel({ responses: [{ error: new Error('socket hang up') }] });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    expect(await codeOf(assistant.reply(turn('hi')))).toBe('model_unavailable');
  });

  it('aborts a slow model at the deadline with model_timeout, keeping the user turn', async () => {
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions, timeoutMs: 50 });
    expect(await codeOf(assistant.reply(turn('hello?')))).toBe('model_timeout');
    expect(model.aborted[0]).toBe(true);
    expect(await stored(history)).toEqual(['user: hello?']);
  });

  it("ends with the caller's reason when the caller cancels, keeping the user turn", async () => {
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const controller = new AbortController();
    const pending = assistant.reply(turn('hello?', { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('visitor left')), 20);
    await expect(pending).rejects.toThrow('visitor left');
    expect(model.aborted[0]).toBe(true);
    expect(await stored(history)).toEqual(['user: hello?']);
  });

  it('stops a model that ignores its signal at the deadline', async () => {
    const stubborn = {
      modelId: 'stubborn',
      async *stream() {
        yield { type: 'text-delta' as const, text: 'Hmm' };
        await new Promise(() => {});
      },
    };
    const assistant = createAssistant({
      model: stubborn,
      history: createMemoryHistory(),
      instructions,
    });
    expect(await codeOf(assistant.reply(turn('hi', { timeoutMs: 50 })))).toBe('model_timeout');
  });

  it('keeps the user turn and releases the event when the reader stops early', async () => {
    const model = createMockChatModel({ responses: () => ({ text: 'one two three four' }) });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    for await (const part of assistant.stream(turn('hi', { eventId: 'x' }))) {
      expect(part.type).toBe('text-delta');
      break;
    }
    expect(await stored(history)).toEqual(['user: hi']);
    const again = await assistant.reply(turn('hi', { eventId: 'x' }));
    expect(again.replayed).toBe(false);
    expect(await stored(history)).toEqual(['user: hi', 'assistant: one two three four']);
  });

  it('a retry with maxTurns 0 does not store the user turn twice', async () => {
    const failure = new AiCoreError('model_unavailable', { message: 'down' });
    const model = createMockChatModel({ responses: [{ error: failure }, { text: 'Answer.' }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions, maxTurns: 0 });
    await assistant.reply(turn('hi', { eventId: 'e1' })).catch(() => {});
    await assistant.reply(turn('hi', { eventId: 'e1' }));
    expect(await stored(history)).toEqual(['user: hi', 'assistant: Answer.']);
    expect(model.calls[1]?.messages.filter((m) => m.role === 'user')).toHaveLength(1);
  });

  it('a retry after other turns came in between does not repeat the user turn', async () => {
    const failure = new AiCoreError('model_unavailable', { message: 'down' });
    const model = createMockChatModel({
      responses: [{ error: failure }, { text: 'Second answer.' }, { text: 'First answer.' }],
    });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    await assistant.reply(turn('first', { eventId: 'e1' })).catch(() => {});
    await assistant.reply(turn('second', { eventId: 'e2' }));
    await assistant.reply(turn('first', { eventId: 'e1' }));
    const messages = await stored(history);
    expect(messages.filter((m) => m === 'user: first')).toHaveLength(1);
    expect(model.calls[2]?.messages.filter((m) => m.content === 'first')).toHaveLength(1);
  });

  it('when the final write fails, the event is released so a retry answers instead of waiting', async () => {
    const inner = createMemoryHistory();
    let failNextWrite = true;
    const history: HistoryStore = {
      ...inner,
      append: async (id, messages, options) => {
        if (failNextWrite && messages.some((m) => m.role === 'assistant')) {
          failNextWrite = false;
          throw new Error('write lost');
        }
        return inner.append(id, messages, options);
      },
    };
    const model = createMockChatModel();
    const assistant = createAssistant({ model, history, instructions, timeoutMs: 2000 });
    expect(await codeOf(assistant.reply(turn('hi', { eventId: 'e-w' })))).toBe(
      'history_unavailable',
    );
    const retry = await assistant.reply(turn('hi', { eventId: 'e-w' }));
    expect(retry.replayed).toBe(false);
    expect(await stored(inner)).toEqual(['user: hi', 'assistant: You said: hi']);
  });

  it('refuses ids and text that are not well-formed Unicode', async () => {
    const assistant = createAssistant({
      model: createMockChatModel(),
      history: createMemoryHistory(),
      instructions,
    });
    const lone = await assistant.reply(turn('hi', { eventId: 'e\uD800' })).catch((e: unknown) => e);
    expect(lone).toMatchObject({ code: 'invalid_input', field: 'eventId' });
    const text = await assistant.reply(turn('hi \uDC00')).catch((e: unknown) => e);
    expect(text).toMatchObject({ code: 'invalid_input', field: 'text' });
  });

  it('reports an unreachable history store as history_unavailable', async () => {
    const broken: HistoryStore = {
      load: () => Promise.reject(new Error('ECONNREFUSED')),
      append: () => Promise.reject(new Error('ECONNREFUSED')),
      listHandoffs: () => Promise.reject(new Error('ECONNREFUSED')),
      ping: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const assistant = createAssistant({
      model: createMockChatModel(),
      history: broken,
      instructions,
    });
    expect(await codeOf(assistant.reply(turn('hi')))).toBe('history_unavailable');
  });

  it('rejects bad input with invalid_input naming the field', async () => {
    const assistant = createAssistant({
      model: createMockChatModel(),
      history: createMemoryHistory(),
      instructions,
    });
    const error = await assistant.reply(turn('   ')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'text' });
    const missing = await assistant
      .reply({ channel: 'chat', text: 'hi' } as unknown as ReplyInput)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'invalid_input', field: 'conversationId' });
    expect(await codeOf(assistant.reply(turn('hi', { channel: 'fax' })))).toBe('unknown_channel');
    expect(() =>
      createAssistant({ model: {} as never, history: createMemoryHistory(), instructions }),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'model' }));
  });
});
