import {
  AiCoreError,
  createHandoffDesk,
  createMemoryHistory,
  type Handoff,
  type HandoffDesk,
  type HistoryMessage,
} from '@org/ai-core';
import type { Logger, RateLimiter } from '@org/runtime';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { createOperatorRoutes, type OperatorRouteDependencies } from './operator-routes';
import { createFakeHandoffDesk } from './test/fake-handoff-desk';

const token = 'operator-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${token}` };
const json = { ...auth, 'Content-Type': 'application/json' };

type Seed = (
  conversationId: string,
  messages: HistoryMessage[],
  handoff?: Handoff,
) => Promise<void>;

const desks: [string, () => { desk: HandoffDesk; seed: Seed }][] = [
  ['a fake desk', () => createFakeHandoffDesk()],
  [
    'createHandoffDesk',
    () => {
      const history = createMemoryHistory();
      return {
        desk: createHandoffDesk({ history }),
        seed: (conversationId, messages, handoff) =>
          history.append(conversationId, messages, handoff ? { handoff } : {}),
      };
    },
  ],
];

const said = (role: 'user' | 'assistant', content: string, channel = 'chat'): HistoryMessage => ({
  role,
  content,
  createdAt: '2026-03-02T09:00:00.000Z',
  channel,
});

const handoffOn = (channel: string, startedAt = '2026-03-02T09:01:00.000Z'): Handoff => ({
  status: 'active',
  reason: 'customer_request',
  summary: 'Wants to change the delivery address of order 1042.',
  channel,
  startedAt,
});

/** Every method of `desk` as a spy calling through, to see what a request did. */
function spyOn(desk: HandoffDesk) {
  return {
    list: vi.fn(desk.list),
    read: vi.fn(desk.read),
    reply: vi.fn(desk.reply),
    release: vi.fn(desk.release),
    start: vi.fn(desk.start),
  } satisfies HandoffDesk;
}

function createTestLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger;
}

async function setUp(
  create: () => { desk: HandoffDesk; seed: Seed },
  overrides: Partial<OperatorRouteDependencies> = {},
) {
  const { desk: real, seed } = create();
  await seed(
    'chat-1',
    [said('user', 'Where is my order?'), said('assistant', 'Let me connect you.')],
    {
      ...handoffOn('chat'),
      status: 'callback',
    },
  );
  await seed(
    'chat-2',
    [said('user', 'A person, please.')],
    handoffOn('chat', '2026-03-02T08:00:00.000Z'),
  );
  await seed('sms-1', [said('user', 'Agent', 'sms')], handoffOn('sms'));
  await seed('chat-bot', [said('user', 'Hi'), said('assistant', 'Hello!')]);
  const desk = spyOn(real);
  const deliver = vi.fn<OperatorRouteDependencies['deliver']>(async () => {});
  const logger = createTestLogger();
  const routes = createOperatorRoutes({
    desk,
    token,
    channels: ['chat'],
    deliver,
    logger,
    ...overrides,
  });
  const app = new Hono().route('/operator', routes);
  const request = (path: string, init?: RequestInit) => app.request(`/operator${path}`, init);
  const reply = (id: string, body: unknown, headers: Record<string, string> = json) =>
    request(`/conversations/${id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
  /** Whether any request reached the desk. */
  const untouched = () => Object.values(desk).every((method) => method.mock.calls.length === 0);
  return { app, desk, real, deliver, logger, request, reply, untouched };
}

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await response.json()) as { error: { code: string; message: string; field?: string } })
    .error;
}

describe.each(desks)('operator routes, with %s', (_name, create) => {
  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['a forged token', { Authorization: `Bearer ${token.replace('0', '1')}` }],
      ['a prefix of the token', { Authorization: `Bearer ${token.slice(0, -1)}` }],
      ['the token and more', { Authorization: `Bearer ${token}x` }],
      ['another scheme', { Authorization: `Basic ${token}` }],
      ['an empty bearer', { Authorization: 'Bearer ' }],
    ])('refuses %s with a JSON 401 and no effect', async (_case, headers) => {
      const t = await setUp(create);
      const sent = { ...headers, 'Content-Type': 'application/json' };
      for (const response of [
        await t.request('/conversations', { headers }),
        await t.request('/conversations/chat-1', { headers }),
        await t.reply('chat-1', { text: 'Hi', operator: 'Mallory' }, sent),
        await t.request('/conversations/chat-1/release', { method: 'POST', headers }),
      ]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect((await errorOf(response)).code).toBe('unauthorized');
      }
      expect(t.untouched()).toBe(true);
      expect(t.deliver).not.toHaveBeenCalled();
      const after = await t.real.read('chat-1');
      expect(after.handoff?.status).toBe('callback');
      expect(after.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    });

    it('is off without a token: every route a JSON 404', async () => {
      const t = await setUp(create, { token: undefined });
      const response = await t.request('/conversations', { headers: auth });
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toEqual({
        code: 'not_found',
        message: 'The operator API is not enabled',
      });
      expect((await t.reply('chat-1', { text: 'Hi', operator: 'Sam' })).status).toBe(404);
      expect(t.untouched()).toBe(true);
    });
  });

  describe('rate limit', () => {
    it('answers 429 with Retry-After when the limiter refuses, before the desk is asked', async () => {
      const consume = vi.fn<RateLimiter['consume']>(async () => ({
        allowed: false,
        retryAfterSeconds: 7,
      }));
      const t = await setUp(create, {
        rateLimiter: { consume },
        rateLimitKey: (c) => `ip:${c.req.header('x-test-ip')}`,
      });
      const response = await t.request('/conversations', {
        headers: { ...auth, 'x-test-ip': '203.0.113.9' },
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect((await errorOf(response)).code).toBe('rate_limited');
      expect(consume).toHaveBeenCalledWith('ip:203.0.113.9');
      expect(t.untouched()).toBe(true);
    });

    it('limits forged tokens to 120 a minute, apart from the operator', async () => {
      const t = await setUp(create);
      const forged = () => t.request('/conversations', { headers: { Authorization: 'Bearer x' } });
      for (let index = 0; index < 120; index++) expect((await forged()).status).toBe(401);
      const limited = await forged();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(t.untouched()).toBe(true);
      // The flood did not lock the operator out.
      expect((await t.request('/conversations', { headers: auth })).status).toBe(200);
    });

    it('limits the operator to 120 requests a minute', async () => {
      const t = await setUp(create);
      for (let index = 0; index < 120; index++) {
        expect((await t.request('/conversations', { headers: auth })).status).toBe(200);
      }
      expect((await t.request('/conversations', { headers: auth })).status).toBe(429);
    });
  });

  describe('bad requests', () => {
    it.each([
      ['a missing text', { operator: 'Sam' }, 'text', 'text: is required'],
      ['an empty text', { text: '   ', operator: 'Sam' }, 'text', 'text: must not be empty'],
      ['a text too long', { text: 'a'.repeat(4001), operator: 'Sam' }, 'text', undefined],
      ['a text that is no string', { text: 42, operator: 'Sam' }, 'text', 'text: must be a string'],
      ['a missing operator', { text: 'Hi' }, 'operator', 'operator: is required'],
      [
        'an operator name too long',
        { text: 'Hi', operator: 'S'.repeat(81) },
        'operator',
        undefined,
      ],
      [
        'a bad messageId',
        { text: 'Hi', operator: 'Sam', messageId: 'a b' },
        'messageId',
        undefined,
      ],
      ['an array', [{ text: 'Hi', operator: 'Sam' }], undefined, 'The body must be a JSON object'],
    ])('refuses %s with a JSON 400', async (_case, body, field, message) => {
      const t = await setUp(create);
      const response = await t.reply('chat-1', body);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_input');
      expect(error.field).toBe(field);
      if (message) expect(error.message).toBe(message);
      expect(t.desk.reply).not.toHaveBeenCalled();
      expect(t.deliver).not.toHaveBeenCalled();
    });

    it('refuses a body that is not JSON', async () => {
      const t = await setUp(create);
      const response = await t.request('/conversations/chat-1/messages', {
        method: 'POST',
        headers: json,
        body: '{"text": "Hi", ',
      });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_json');
      const plain = await t.request('/conversations/chat-1/messages', {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'text/plain' },
        body: JSON.stringify({ text: 'Hi', operator: 'Sam' }),
      });
      expect(plain.status).toBe(400);
      expect(t.desk.reply).not.toHaveBeenCalled();
    });

    it('refuses a bad limit and a conversation id too long', async () => {
      const t = await setUp(create);
      for (const path of ['/conversations/chat-1?limit=0', '/conversations/chat-1?limit=many']) {
        const response = await t.request(path, { headers: auth });
        expect(response.status).toBe(400);
        expect((await errorOf(response)).field).toBe('limit');
      }
      const long = await t.request(`/conversations/${'c'.repeat(201)}`, { headers: auth });
      expect(long.status).toBe(400);
      expect(t.desk.read).not.toHaveBeenCalled();
    });
  });

  describe('conversations that are not this API’s', () => {
    it.each([
      ['unknown', 'nobody'],
      ['on another channel', 'sms-1'],
    ])('answers 404 for a conversation %s', async (_case, id) => {
      const t = await setUp(create);
      for (const response of [
        await t.request(`/conversations/${id}`, { headers: auth }),
        await t.reply(id, { text: 'Hi', operator: 'Sam' }),
        await t.request(`/conversations/${id}/release`, { method: 'POST', headers: auth }),
      ]) {
        expect(response.status).toBe(404);
        expect((await errorOf(response)).code).toBe('conversation_not_found');
      }
      expect(t.desk.reply).not.toHaveBeenCalled();
      expect(t.desk.release).not.toHaveBeenCalled();
      expect((await t.real.read('sms-1')).handoff?.channel).toBe('sms');
    });

    it('answers 409 not_handed_off for a reply or release to a conversation the bot has', async () => {
      const t = await setUp(create);
      const read = await t.request('/conversations/chat-bot', { headers: auth });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ conversationId: 'chat-bot', handoff: null });
      for (const response of [
        await t.reply('chat-bot', { text: 'Hi', operator: 'Sam' }),
        await t.request('/conversations/chat-bot/release', { method: 'POST', headers: auth }),
      ]) {
        expect(response.status).toBe(409);
        expect((await errorOf(response)).code).toBe('not_handed_off');
      }
      expect(t.deliver).not.toHaveBeenCalled();
      expect((await t.real.read('chat-bot')).messages).toHaveLength(2);
    });
  });

  describe('an operator at work', () => {
    it("lists the channel's handed-off conversations, oldest first", async () => {
      const t = await setUp(create);
      const response = await t.request('/conversations', { headers: auth });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        conversations: { conversationId: string; handoff: Handoff }[];
      };
      expect(body.conversations.map(({ conversationId }) => conversationId)).toEqual([
        'chat-2',
        'chat-1',
      ]);
      expect(body.conversations[1]?.handoff).toEqual({ ...handoffOn('chat'), status: 'callback' });
      expect(t.desk.list).toHaveBeenCalledWith({ channels: ['chat'] });
    });

    it('reads a conversation: its handoff state and newest messages', async () => {
      const t = await setUp(create);
      const response = await t.request('/conversations/chat-1', { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        conversationId: 'chat-1',
        handoff: { ...handoffOn('chat'), status: 'callback' },
        messages: [said('user', 'Where is my order?'), said('assistant', 'Let me connect you.')],
      });
      const newest = await t.request('/conversations/chat-1?limit=1', { headers: auth });
      const { messages } = (await newest.json()) as { messages: HistoryMessage[] };
      expect(messages.map((message) => message.content)).toEqual(['Let me connect you.']);
    });

    it('stores a reply, delivers it to the customer, and answers 201', async () => {
      const t = await setUp(create);
      const response = await t.reply('chat-1', { text: '  Hi, Sam here.  ', operator: 'Sam' });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { message: HistoryMessage; handoff: Handoff };
      expect(body.message).toMatchObject({
        role: 'operator',
        content: 'Hi, Sam here.',
        name: 'Sam',
      });
      // A callback the team answers becomes theirs.
      expect(body.handoff).toMatchObject({ status: 'active', operator: 'Sam', channel: 'chat' });
      expect(t.deliver).toHaveBeenCalledTimes(1);
      expect(t.deliver).toHaveBeenCalledWith('chat-1', body.message, body.handoff);

      const { messages, handoff } = await t.real.read('chat-1');
      expect(messages.at(-1)).toEqual(body.message);
      expect(handoff).toEqual(body.handoff);
      expect(t.logger.info).toHaveBeenCalledWith(
        { conversationId: 'chat-1', operator: 'Sam' },
        'operator replied',
      );
    });

    it('stores and delivers a reply once per messageId', async () => {
      const t = await setUp(create);
      const body = { text: 'On it.', operator: 'Sam', messageId: 'console-7' };
      const first = await t.reply('chat-1', body);
      const again = await t.reply('chat-1', body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      const replayed = (await again.json()) as { message: HistoryMessage };
      expect(replayed.message).toMatchObject({ role: 'operator', content: 'On it.', name: 'Sam' });
      // Handed to `deliver` again as the same stored message, which a deliverer sends once.
      expect(t.deliver).toHaveBeenCalledTimes(2);
      expect(t.deliver.mock.calls[1]?.[1]).toEqual(t.deliver.mock.calls[0]?.[1]);
      const { messages } = await t.real.read('chat-1');
      expect(messages.filter((message) => message.role === 'operator')).toHaveLength(1);
      // Another id is another message.
      expect((await t.reply('chat-1', { ...body, messageId: 'console-8' })).status).toBe(201);
      expect(t.deliver).toHaveBeenCalledTimes(3);
    });

    it('answers 502 when the message was stored but could not be delivered', async () => {
      const t = await setUp(create, {
        deliver: async () => {
          throw new Error('SMS provider down');
        },
      });
      const response = await t.reply('chat-1', { text: 'Hi', operator: 'Sam' });
      expect(response.status).toBe(502);
      expect((await errorOf(response)).code).toBe('delivery_failed');
      expect((await t.real.read('chat-1')).messages.at(-1)?.content).toBe('Hi');
      expect(t.logger.error).toHaveBeenCalledWith(
        expect.objectContaining({ conversationId: 'chat-1' }),
        'operator message not delivered',
      );
    });

    it('releases a conversation back to the assistant', async () => {
      const t = await setUp(create);
      const response = await t.request('/conversations/chat-2/release', {
        method: 'POST',
        headers: auth,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ conversationId: 'chat-2', released: true });
      expect(t.desk.release).toHaveBeenCalledWith('chat-2');
      expect((await t.real.read('chat-2')).handoff).toBeUndefined();
      const list = (await (await t.request('/conversations', { headers: auth })).json()) as {
        conversations: { conversationId: string }[];
      };
      expect(list.conversations.map(({ conversationId }) => conversationId)).toEqual(['chat-1']);
      // Still readable (its messages are on this channel), no longer answerable.
      expect((await t.request('/conversations/chat-2', { headers: auth })).status).toBe(200);
      expect((await t.reply('chat-2', { text: 'Hi', operator: 'Sam' })).status).toBe(409);
    });
  });
});

describe('operator routes and desk failures', () => {
  const stubDesk = (reply: HandoffDesk['reply']): HandoffDesk => ({
    list: async () => [],
    read: async () => ({ handoff: handoffOn('chat'), messages: [] }),
    reply,
    release: async () => {},
    start: async (_id, start) => ({ ...start, startedAt: '2026-03-02T09:00:00.000Z' }),
  });
  const routesFor = (reply: HandoffDesk['reply'], logger = createTestLogger()) =>
    createOperatorRoutes({
      desk: stubDesk(reply),
      token,
      channels: ['chat'],
      deliver: async () => {},
      logger,
    });
  const post = (routes: ReturnType<typeof createOperatorRoutes>) =>
    routes.request('/conversations/chat-1/messages', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'Hi', operator: 'Sam' }),
    });

  it('answers 409 when the desk finds the conversation released meanwhile', async () => {
    const response = await post(
      routesFor(async () => {
        throw new AiCoreError('not_handed_off');
      }),
    );
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('not_handed_off');
  });

  it('answers 503 with Retry-After when the store is unavailable', async () => {
    const response = await post(
      routesFor(async () => {
        throw new AiCoreError('history_unavailable');
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await errorOf(response)).code).toBe('service_unavailable');
  });

  it('answers a generic JSON 500 for anything else, and logs it', async () => {
    const logger = createTestLogger();
    const response = await post(
      routesFor(async () => {
        throw new Error('secret internals');
      }, logger),
    );
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.code).toBe('internal_error');
    expect(error.message).not.toMatch(/secret/);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});
