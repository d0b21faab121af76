import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  type ChatModel,
  type ChatRequest,
  createKnowledgeModel,
  type KnowledgeBase,
  loadKnowledge,
} from '@org/ai-core';
import {
  createHandoffNotifier,
  createStaffedHours,
  type HandoffEvent,
  handoffEventSchema,
  verifyHandoffSignature,
} from '@org/handoff';
import { createMemoryRateLimiter, unlimited } from '@org/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistoryResponseBody, ChatResponseBody, ChatStreamEventMap } from '../protocol';
import { createTestApp, parseSse, type TestAppOptions } from '../test/test-app';

const token = 'operator-token-0123456789-abcdef';
const secret = 'webhook-secret-0123456789';
const knowledgeDir = fileURLToPath(new URL('../../../../knowledge', import.meta.url));
const askForPerson = 'Can I talk to a person?';

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Conversation = { conversationId: string; handoff: { status: string; summary: string } };

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

/** The offline knowledge model, recording what it was asked. */
function recordedKnowledgeModel(): ChatModel & { calls: ChatRequest[] } {
  const model = createKnowledgeModel();
  const calls: ChatRequest[] = [];
  return {
    modelId: model.modelId,
    calls,
    stream(request, options) {
      calls.push(request);
      return model.stream(request, options);
    },
  };
}

/** chat-api over the offline model and the repo's knowledge, with handoff on. */
function setup(options: TestAppOptions<ChatModel> = {}) {
  const model = recordedKnowledgeModel();
  const api = createTestApp<ChatModel>({
    model,
    knowledge,
    ...options,
    handoff: { operatorToken: token, ...options.handoff },
  });
  const operator = async (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token: given = token, ...rest } = init;
    return api.app.request(`/operator${path}`, {
      ...rest,
      headers: {
        ...(rest.body ? { 'Content-Type': 'application/json' } : {}),
        ...(given === null ? {} : { Authorization: `Bearer ${given}` }),
        ...(rest.headers as Record<string, string> | undefined),
      },
    });
  };
  const chat = async (sessionId: string | null, message: string) => {
    const response = await api.post('/chat', { session_id: sessionId, message });
    expect(response.status).toBe(200);
    return (await response.json()) as ChatResponseBody;
  };
  const history = async (sessionId: string) => {
    const response = await api.app.request(`/chat/history?session_id=${sessionId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ChatHistoryResponseBody;
  };
  const reply = async (sessionId: string, body: unknown, init: { token?: string | null } = {}) =>
    operator(`/conversations/${sessionId}/messages`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    });
  /** A new session, handed off by asking for a person. */
  const handedOff = async () => {
    const sessionId = await api.newSession();
    await chat(sessionId, 'When do you open on Sunday?');
    const answer = await chat(sessionId, askForPerson);
    expect(answer.handoff).toEqual({ state: 'started', reason: 'customer_request' });
    return sessionId;
  };
  return { ...api, model, operator, chat, history, reply, handedOff };
}

/** A local HTTP receiver for the business's webhook, keeping each delivery as received. */
async function startReceiver(status = 200) {
  const deliveries: { headers: IncomingHttpHeaders; rawBody: string }[] = [];
  const server: Server = createServer((request, response) => {
    let rawBody = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      rawBody += chunk;
    });
    request.on('end', () => {
      deliveries.push({ headers: request.headers, rawBody });
      response.writeHead(status).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  receivers.push(server);
  return { url: `http://127.0.0.1:${port}/hooks/handoff`, deliveries };
}

const receivers: Server[] = [];
afterEach(async () => {
  for (const server of receivers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A delivery checked as the business's receiver would: signature first, then the body. */
function verified(delivery: { headers: IncomingHttpHeaders; rawBody: string }): HandoffEvent {
  const header = (name: string) => delivery.headers[name] as string | undefined;
  expect(
    verifyHandoffSignature({
      secret,
      rawBody: delivery.rawBody,
      timestamp: header('x-handoff-timestamp'),
      signature: header('x-handoff-signature'),
    }),
  ).toBe(true);
  expect(
    verifyHandoffSignature({
      secret: 'another-secret-0123456789',
      rawBody: delivery.rawBody,
      timestamp: header('x-handoff-timestamp'),
      signature: header('x-handoff-signature'),
    }),
  ).toBe(false);
  expect(header('x-handoff-delivery')).toMatch(/^[\w-]{36}$/);
  return handoffEventSchema.parse(JSON.parse(delivery.rawBody));
}

describe('web chat handed to a person', () => {
  it('hands the chat off when the visitor asks for a person, and says so in the history', async () => {
    const { chat, history, newSession } = setup();
    const sessionId = await newSession();
    expect((await history(sessionId)).handoff).toBeNull();

    const answer = await chat(sessionId, askForPerson);
    expect(answer).toEqual({
      session_id: sessionId,
      response: expect.stringMatching(/connect you with a colleague/),
      handoff: { state: 'started', reason: 'customer_request' },
    });
    const { handoff, messages } = await history(sessionId);
    expect(handoff).toEqual({ status: 'active' });
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('keeps the assistant silent while handed off: no model call, an empty reply, the message kept', async () => {
    const { chat, history, model, handedOff, post } = setup();
    const sessionId = await handedOff();
    const calls = model.calls.length;

    expect(await chat(sessionId, 'What are your opening hours?')).toEqual({
      session_id: sessionId,
      response: '',
      handoff: { state: 'active', reason: 'customer_request' },
    });
    const streamed = await post('/chat/stream', { session_id: sessionId, message: 'Hello?' });
    const events = parseSse(await streamed.text());
    expect(events).toEqual([
      {
        event: 'reply',
        data: {
          session_id: sessionId,
          response: '',
          handoff: { state: 'active', reason: 'customer_request' },
        } satisfies ChatStreamEventMap['reply'],
      },
    ]);
    expect(model.calls).toHaveLength(calls);
    const { messages } = await history(sessionId);
    expect(messages.slice(-2)).toEqual([
      expect.objectContaining({ role: 'user', content: 'What are your opening hours?' }),
      expect.objectContaining({ role: 'user', content: 'Hello?' }),
    ]);
  });

  it('lets an operator list, read and answer the chat; the widget reads the answer in the history', async () => {
    const { chat, history, operator, reply, handedOff } = setup();
    const sessionId = await handedOff();
    await chat(sessionId, 'My order #1234 never arrived');

    const listed = await operator('/conversations');
    expect(listed.status).toBe(200);
    const { conversations } = (await listed.json()) as { conversations: Conversation[] };
    expect(conversations).toEqual([
      {
        conversationId: sessionId,
        handoff: expect.objectContaining({ status: 'active', channel: 'chat' }),
      },
    ]);
    expect(conversations[0]?.handoff.summary).toContain('When do you open on Sunday?');

    const read = await operator(`/conversations/${sessionId}`);
    expect(read.status).toBe(200);
    const conversation = (await read.json()) as { messages: { content: string }[] };
    expect(conversation.messages.at(-1)?.content).toBe('My order #1234 never arrived');

    const sent = await reply(sessionId, {
      text: 'Hi, Dana here. Let me check #1234.',
      operator: 'Dana',
    });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({
      message: { role: 'operator', name: 'Dana', content: 'Hi, Dana here. Let me check #1234.' },
      handoff: { status: 'active', operator: 'Dana' },
    });

    const seen = await history(sessionId);
    expect(seen.handoff).toEqual({ status: 'active', operator: 'Dana' });
    expect(seen.messages.at(-1)).toEqual({
      role: 'operator',
      name: 'Dana',
      content: 'Hi, Dana here. Let me check #1234.',
      createdAt: expect.any(String),
    });
  });

  it('gives the chat back on release: the assistant answers again, knowing what the person wrote', async () => {
    const { chat, history, operator, reply, model, handedOff } = setup();
    const sessionId = await handedOff();
    await reply(sessionId, { text: 'Your parcel left today.', operator: 'Dana' });

    const released = await operator(`/conversations/${sessionId}/release`, { method: 'POST' });
    expect(released.status).toBe(200);
    expect((await history(sessionId)).handoff).toBeNull();
    expect((await operator('/conversations').then((r) => r.json())) as unknown).toEqual({
      conversations: [],
    });

    const calls = model.calls.length;
    const answer = await chat(sessionId, 'What are your opening hours?');
    expect(answer.handoff).toBeUndefined();
    expect(answer.response).toMatch(/\d/);
    expect(model.calls).toHaveLength(calls + 1);
    const seenByModel = JSON.stringify(model.calls.at(-1)?.messages);
    expect(seenByModel).toContain('Your parcel left today.');

    const again = await operator(`/conversations/${sessionId}/release`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('not_handed_off');
  });

  it('refuses a forged or missing operator token with a 401, with no effect', async () => {
    const { history, operator, reply, handedOff } = setup();
    const sessionId = await handedOff();
    const before = await history(sessionId);
    const forged = [`${token.slice(0, -1)}X`, 'short', `${token}${token}`];
    const attempts = [
      ...forged.map((given) =>
        reply(sessionId, { text: 'Pwned', operator: 'Mallory' }, { token: given }),
      ),
      reply(sessionId, { text: 'Pwned', operator: 'Mallory' }, { token: null }),
      operator(`/conversations/${sessionId}/release`, { method: 'POST', token: 'nope' }),
      operator('/conversations', { token: null }),
      operator(`/conversations/${sessionId}`, {
        headers: { Authorization: `Basic ${token}` },
        token: null,
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('unauthorized');
      expect(JSON.stringify(body)).not.toContain(sessionId);
    }
    expect(await history(sessionId)).toEqual(before);
  });

  it('rate limits the operator API on its own limit, forged tokens apart, with Retry-After', async () => {
    const { operator, post } = setup({
      limits: {
        ip: unlimited,
        session: unlimited,
        operator: createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }),
      },
    });
    const guess = () => operator('/conversations', { token: 'guess-guess-guess-guess-1' });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    const guessing = await guess();
    expect(guessing.status).toBe(429);
    expect(((await guessing.json()) as ErrorBody).error.code).toBe('rate_limited');

    // The guesses did not lock the operator out; their own requests have their own count.
    expect((await operator('/conversations')).status).toBe(200);
    expect((await operator('/conversations')).status).toBe(200);
    const limited = await operator('/conversations');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited');
    // The chat's own limits are not the operator API's.
    expect((await post('/chat', { message: 'Hi' })).status).toBe(200);
  });

  it('answers bad bodies and unknown conversations with JSON errors', async () => {
    const { operator, reply, handedOff, newSession, chat } = setup();
    const sessionId = await handedOff();
    const cases: [Promise<Response>, number, string, string?][] = [
      [reply(sessionId, { operator: 'Dana' }), 400, 'invalid_input', 'text'],
      [reply(sessionId, { text: '   ', operator: 'Dana' }), 400, 'invalid_input', 'text'],
      [reply(sessionId, { text: 'Hi', operator: '' }), 400, 'invalid_input', 'operator'],
      [
        reply(sessionId, { text: 'x'.repeat(4001), operator: 'Dana' }),
        400,
        'invalid_input',
        'text',
      ],
      [reply(sessionId, '[1, 2]'), 400, 'invalid_input'],
      [reply(sessionId, '{"text": '), 400, 'invalid_json'],
      [operator(`/conversations/${'x'.repeat(201)}`), 400, 'invalid_input', 'id'],
      [
        reply('no-such-conversation', { text: 'Hi', operator: 'Dana' }),
        404,
        'conversation_not_found',
      ],
    ];
    for (const [pending, status, code, field] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Type')).toContain('application/json');
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe(code);
      if (field) expect(error.field).toBe(field);
    }

    // A chat the assistant still has: nothing to answer.
    const other = await newSession();
    await chat(other, 'Hello');
    const notHandedOff = await reply(other, { text: 'Hi', operator: 'Dana' });
    expect(notHandedOff.status).toBe(409);
    expect(((await notHandedOff.json()) as ErrorBody).error.code).toBe('not_handed_off');
  });

  it('has no operator API without OPERATOR_TOKEN (404), and nobody takes the chat', async () => {
    const api = createTestApp<ChatModel>({
      model: createKnowledgeModel(),
      knowledge,
      handoff: {
        available: createStaffedHours({ staffed: false, hours: undefined, timeZone: 'UTC' }),
      },
    });
    const response = await api.app.request('/operator/conversations', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');

    const answer = (await (
      await api.post('/chat', { message: askForPerson })
    ).json()) as ChatResponseBody;
    expect(answer.handoff).toEqual({ state: 'unavailable', reason: 'customer_request' });
    expect(answer.response).toMatch(/Nobody from our team is available/);
  });
});

describe("the business's webhook", () => {
  it('receives a signed handoff.started with the conversation and its transcript', async () => {
    const receiver = await startReceiver();
    const notifier = createHandoffNotifier({ url: receiver.url, secret });
    const { handedOff } = setup({ handoff: { notifier } });
    const sessionId = await handedOff();
    await notifier.settled();

    expect(receiver.deliveries).toHaveLength(1);
    const event = verified(receiver.deliveries[0] as (typeof receiver.deliveries)[number]);
    expect(event).toMatchObject({
      type: 'handoff.started',
      channel: 'chat',
      conversationId: sessionId,
      reason: 'customer_request',
      summary: expect.stringContaining('When do you open on Sunday?'),
    });
    expect(event.transcript.map(({ role, content }) => `${role}: ${content.slice(0, 30)}`)).toEqual(
      [
        'user: When do you open on Sunday?',
        expect.stringMatching(/^assistant: /),
        `user: ${askForPerson}`,
        expect.stringMatching(/^assistant: I'll connect you with a collea/),
      ],
    );
  });

  it('is told once, from the stream too, and not again while the person has the chat', async () => {
    const receiver = await startReceiver();
    const notifier = createHandoffNotifier({ url: receiver.url, secret });
    const { post, newSession } = setup({ handoff: { notifier } });
    const sessionId = await newSession();
    const streamed = await post('/chat/stream', { session_id: sessionId, message: askForPerson });
    const events = parseSse(await streamed.text());
    expect(events.at(-1)).toMatchObject({
      event: 'reply',
      data: { handoff: { state: 'started', reason: 'customer_request' } },
    });
    await (await post('/chat/stream', { session_id: sessionId, message: 'Anyone?' })).text();
    await post('/chat', { session_id: sessionId, message: 'Hello?' });
    await notifier.settled();
    expect(receiver.deliveries.map((delivery) => verified(delivery).type)).toEqual([
      'handoff.started',
    ]);
  });

  it('gets handoff.callback_requested when nobody is available', async () => {
    const receiver = await startReceiver();
    const notifier = createHandoffNotifier({ url: receiver.url, secret });
    const { chat, history, newSession } = setup({
      handoff: { notifier, available: () => false },
    });
    const sessionId = await newSession();
    const answer = await chat(sessionId, askForPerson);
    expect(answer.handoff).toEqual({ state: 'unavailable', reason: 'customer_request' });
    expect(answer.response).toMatch(/get back to you/);
    expect((await history(sessionId)).handoff).toEqual({ status: 'callback' });
    await notifier.settled();

    expect(receiver.deliveries).toHaveLength(1);
    expect(verified(receiver.deliveries[0] as (typeof receiver.deliveries)[number])).toMatchObject({
      type: 'handoff.callback_requested',
      channel: 'chat',
      conversationId: sessionId,
      transcript: [
        { role: 'user', content: askForPerson },
        { role: 'assistant', content: answer.response },
      ],
    });
    // The assistant goes on answering meanwhile.
    expect((await chat(sessionId, 'What are your opening hours?')).response).toMatch(/\d/);
  });

  it('does not hold up or fail the turn when the webhook is down', async () => {
    const receiver = await startReceiver(500);
    const notifier = createHandoffNotifier({
      url: receiver.url,
      secret,
      retries: { attempts: 2, baseDelayMs: 10 },
    });
    const { chat, newSession } = setup({ handoff: { notifier } });
    const answer = await chat(await newSession(), askForPerson);
    expect(answer.handoff?.state).toBe('started');
    await notifier.settled();
    expect(receiver.deliveries).toHaveLength(2);
  });
});
