import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handoffToolName } from '../handoff';
import { createHandoffDesk } from '../handoff-desk';
import { createMemoryHistory } from '../history/memory-history';
import { createKnowledgeModel, loadKnowledge } from '../knowledge/index';
import { createOpenAIModel } from '../openai/create-openai-model';
import { createMockChatModel } from '../test/mock-chat-model';
import { createOpenAITestServer, type OpenAITestServer } from '../test/openai-test-server';
import { createAssistant } from './create-assistant';
import { instructions, stored, turn } from './turn-fixtures';
import type { AssistantOptions, KnowledgeBase } from './types';

const knowledgeDir = fileURLToPath(new URL('../../../../knowledge', import.meta.url));
let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

const offline = (options: Partial<AssistantOptions> = {}) => {
  const history = createMemoryHistory();
  const assistant = createAssistant({
    model: createKnowledgeModel(),
    history,
    instructions,
    knowledge,
    handoff: {},
    ...options,
  });
  return { assistant, history, desk: createHandoffDesk({ history }) };
};

/** A mock-model assistant whose conversation `c1` a person has already taken. */
const withPerson = async (summary: string) => {
  const model = createMockChatModel();
  const history = createMemoryHistory();
  const assistant = createAssistant({ model, history, instructions, handoff: {} });
  const desk = createHandoffDesk({ history });
  await desk.start('c1', {
    status: 'active',
    reason: 'customer_request',
    summary,
    channel: 'chat',
  });
  return { model, history, assistant, desk };
};

describe('handoff with the offline model', () => {
  it('hands off when the customer asks for a person, and says so', async () => {
    const { assistant, history } = offline();
    await assistant.reply(turn('When do you open on Sunday?'));
    const reply = await assistant.reply(turn('Can I talk to a real person?'));

    expect(reply.handoff).toMatchObject({ state: 'started', reason: 'customer_request' });
    expect(reply.handoff?.summary).toContain('When do you open on Sunday?');
    expect(reply.text).toMatch(/connect you with a colleague/);
    const loaded = await history.load('c1', { limit: 10 });
    expect(loaded.handoff).toMatchObject({ status: 'active', channel: 'chat' });
    expect((await stored(history)).slice(-2)).toEqual([
      'user: Can I talk to a real person?',
      `assistant: ${reply.text}`,
    ]);
  });

  it('is silent while a person has the conversation: no model call, the message kept', async () => {
    const { model, history, assistant } = await withPerson('Wants a refund');

    const reply = await assistant.reply(turn('Hello? Anyone there?', { eventId: 'e1' }));
    expect(reply).toMatchObject({ text: '', replayed: false, handoff: { state: 'active' } });
    expect(model.calls).toHaveLength(0);
    expect(await stored(history)).toEqual(['user: Hello? Anyone there?']);

    const again = await assistant.reply(turn('Hello? Anyone there?', { eventId: 'e1' }));
    expect(again).toMatchObject({ text: '', replayed: true, handoff: { state: 'active' } });
    expect(await stored(history)).toHaveLength(1);

    const parts = [];
    for await (const part of assistant.stream(turn('Still there?'))) parts.push(part);
    expect(parts).toEqual([{ type: 'reply', reply: expect.objectContaining({ text: '' }) }]);
    expect(model.calls).toHaveLength(0);
  });

  it('answers again after release, knowing what the person wrote', async () => {
    const { model, history, assistant, desk } = await withPerson('Order 42 is late');
    await assistant.reply(turn('Where is order 42?'));
    await desk.reply('c1', { text: 'It ships tomorrow, sorry for the wait.', operator: 'Sam' });
    await desk.release('c1');

    const reply = await assistant.reply(turn('Thanks! And do you gift wrap?'));
    expect(reply.handoff).toBeUndefined();
    expect(model.calls).toHaveLength(1);
    const seen = model.calls[0]?.messages.map((m) => `${m.role}: ${m.content}`) ?? [];
    expect(seen).toContain(
      'assistant: [Sam, a person from our team, wrote:] It ships tomorrow, sorry for the wait.',
    );
    expect(await stored(history)).toEqual([
      'user: Where is order 42?',
      'operator: It ships tomorrow, sorry for the wait.',
      'user: Thanks! And do you gift wrap?',
      'assistant: You said: Thanks! And do you gift wrap?',
    ]);
  });

  it('hands off after failing to answer twice in a row', async () => {
    const { assistant } = offline();
    const first = await assistant.reply(turn('Do you sell telescopes?'));
    expect(first.handoff).toBeUndefined();
    expect(first.text).toMatch(/don't know/);
    const second = await assistant.reply(turn('What about microscopes?'));
    expect(second.handoff).toMatchObject({ state: 'started', reason: 'cannot_help' });
    expect(second.handoff?.summary).toContain('Do you sell telescopes?');
    expect(second.handoff?.summary).toContain('What about microscopes?');
  });

  it('does not hand off after one failure and then an answer', async () => {
    const { assistant } = offline();
    await assistant.reply(turn('Do you sell telescopes?'));
    const answered = await assistant.reply(turn('When do you open on Sunday?'));
    expect(answered.handoff).toBeUndefined();
    const failed = await assistant.reply(turn('Do you sell microscopes?'));
    expect(failed.handoff).toBeUndefined();
  });

  it('hands off when the customer says yes to the offer of a person', async () => {
    const { assistant } = offline();
    const first = await assistant.reply(turn('Do you sell telescopes?'));
    expect(first.text).toMatch(/connect you with a person/);
    const yes = await assistant.reply(turn('Yes please'));
    expect(yes.handoff).toMatchObject({ state: 'started', reason: 'customer_request' });
  });

  it('without a person available: a graceful answer, a callback state, and the bot goes on', async () => {
    const asked: unknown[] = [];
    const { assistant, history } = offline({
      handoff: {
        available: (query) => {
          asked.push(query);
          return false;
        },
      },
    });
    const reply = await assistant.reply(turn('I want to speak to a human', { channel: 'sms' }));
    expect(reply.handoff).toMatchObject({ state: 'unavailable', reason: 'customer_request' });
    expect(reply.text).toMatch(/Nobody from our team is available right now/);
    expect(asked).toEqual([{ at: expect.any(Date), channel: 'sms', conversationId: 'c1' }]);
    expect((await history.load('c1', { limit: 1 })).handoff).toMatchObject({
      status: 'callback',
      channel: 'sms',
    });
    const next = await assistant.reply(turn('When do you open on Sunday?', { channel: 'sms' }));
    expect(next.handoff).toBeUndefined();
    expect(next.text).toMatch(/Sunday/);
  });

  it('tells how to reach the team when nobody is available, and promises a callback only when one comes', async () => {
    const contact = 'You can call us on +1 (555) 010-2030 or email hello@harborlanebooks.example.';
    const handoff = { available: () => false, contact };
    const chat = await offline({ handoff }).assistant.reply(turn('agent please'));
    expect(chat.text).toBe(
      `Nobody from our team is available right now. ${contact} I've passed your request on, and someone will get back to you as soon as they can.`,
    );
    // A caller is already on the phone: no number read out to them.
    const voice = await offline({ handoff }).assistant.reply(
      turn('operator', { channel: 'voice' }),
    );
    expect(voice.text).toBe(
      "Sorry, nobody from our team is free right now. I've asked them to call you back as soon as they can.",
    );
    const nobodyCalls = offline({ handoff: { ...handoff, callbacks: false } });
    const told = await nobodyCalls.assistant.reply(turn('agent please', { channel: 'sms' }));
    expect(told.text).toBe(`Nobody from our team is available right now. ${contact}`);
  });

  it('counts a failing availability check as nobody available', async () => {
    const { assistant } = offline({
      handoff: {
        available: () => {
          throw new Error('calendar down');
        },
      },
    });
    const reply = await assistant.reply(turn('agent'));
    expect(reply.handoff?.state).toBe('unavailable');
  });

  it('speaks the voice channel’s words, and takes the business’s own', async () => {
    const voice = offline();
    const spoken = await voice.assistant.reply(turn('operator', { channel: 'voice' }));
    expect(spoken.text).toBe("I'll connect you with a colleague. Please stay on the line.");
    const own = offline({ handoff: { startedText: 'One moment, Alex will be with you.' } });
    expect((await own.assistant.reply(turn('representative'))).text).toBe(
      'One moment, Alex will be with you.',
    );
  });

  it('never hands off without the handoff option', async () => {
    const model = createMockChatModel();
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    await assistant.reply(turn('Can I talk to a human?'));
    expect(model.calls[0]?.tools).toBeUndefined();
    const offlineOnly = createAssistant({
      model: createKnowledgeModel(),
      history,
      instructions,
      knowledge,
    });
    const reply = await offlineOnly.reply(turn('Can I talk to a human?', { conversationId: 'c2' }));
    expect(reply.handoff).toBeUndefined();
    expect((await history.load('c2', { limit: 1 })).handoff).toBeUndefined();
  });

  it('stores no handoff when the channel withdraws the turn', async () => {
    const { assistant, history } = offline();
    const reply = await assistant.reply(
      turn('talk to a human', { deliver: async () => ({ kept: false }) }),
    );
    expect(reply.handoff?.state).toBe('started');
    expect((await history.load('c1', { limit: 10 })).handoff).toBeUndefined();
    expect(await stored(history)).toEqual([]);
  });

  it('streams what the customer is told, and ends with the handoff in the reply', async () => {
    const { assistant } = offline();
    const parts = [];
    for await (const part of assistant.stream(turn('real person please'))) parts.push(part);
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : []));
    const last = parts.at(-1);
    expect(last?.type === 'reply' && last.reply.handoff?.state).toBe('started');
    expect(deltas.join('')).toBe(last?.type === 'reply' ? last.reply.text : '');
  });

  it('refuses a tool of its own with the built-in tool name', () => {
    expect(() =>
      createAssistant({
        model: createMockChatModel(),
        history: createMemoryHistory(),
        instructions,
        handoff: {},
        tools: {
          [handoffToolName]: {
            description: 'x',
            parameters: z.object({}),
            execute: () => null,
          },
        },
      }),
    ).toThrow(/hand_off_to_person/);
  });
});

describe('handoff with an OpenAI-compatible model', { timeout: 20_000 }, () => {
  let server: OpenAITestServer;
  afterEach(async () => {
    await server?.close();
  });

  it('offers the tool, and hands off when the model calls it, with its summary', async () => {
    server = await createOpenAITestServer({
      respond: () => ({
        toolCalls: [
          {
            name: handoffToolName,
            arguments: { reason: 'cannot_help', summary: 'Customer needs a bulk order quote.' },
          },
        ],
      }),
    });
    const history = createMemoryHistory();
    const assistant = createAssistant({
      model: createOpenAIModel({ model: 'test', baseURL: server.url, maxRetries: 0 }),
      history,
      instructions,
      handoff: {},
    });
    const reply = await assistant.reply(turn('I need 300 copies of a book for my school'));

    expect(reply.handoff).toEqual({
      state: 'started',
      reason: 'cannot_help',
      summary: 'Customer needs a bulk order quote.',
    });
    expect(server.requests).toHaveLength(1);
    const offered = server.requests[0]?.tools?.map((tool) =>
      tool.type === 'function' ? tool.function.name : tool.type,
    );
    expect(offered).toEqual([handoffToolName]);
    const system = server.requests[0]?.messages[0];
    expect(JSON.stringify(system)).toContain(handoffToolName);
    expect((await history.load('c1', { limit: 1 })).handoff).toMatchObject({
      status: 'active',
      summary: 'Customer needs a bulk order quote.',
    });
  });

  it('writes a summary itself when the model gives none', async () => {
    server = await createOpenAITestServer({
      respond: () => ({ toolCalls: [{ name: handoffToolName, arguments: {} }] }),
    });
    const assistant = createAssistant({
      model: createOpenAIModel({ model: 'test', baseURL: server.url, maxRetries: 0 }),
      history: createMemoryHistory(),
      instructions,
      handoff: {},
    });
    const reply = await assistant.reply(turn('get me someone who can fix my order'));
    expect(reply.handoff).toMatchObject({ reason: 'customer_request' });
    expect(reply.handoff?.summary).toContain('get me someone who can fix my order');
  });
});
