import { createKnowledgeModel } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { createUpstashHistory } from '@org/history';
import { useUpstashRedis } from '@org/history/test';
import { unlimited } from '@org/runtime';
import { createUpstashRateLimiter } from '@org/upstash';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './test/test-app';

type ChatBody = { session_id: string; response: string };

describe('two chat-api instances on one Redis (Upstash protocol)', () => {
  const redis = useUpstashRedis();
  // Each instance gets its own client, as two processes would.
  const client = () => redis.connect();
  // The model reports how many user turns it was given: a lost turn shows in the next answer.
  const countingModel = () =>
    createMockChatModel({
      responses: (request) => ({
        text: `turn ${request.messages.filter((message) => message.role === 'user').length}`,
      }),
    });
  const instance = (sessionLimiter = unlimited) =>
    createTestApp({
      model: countingModel(),
      history: createUpstashHistory({ redis: client(), keyPrefix: 'chat-api-test' }),
      limits: { ip: unlimited, session: sessionLimiter },
    });

  it('serves one session alternately without losing turns', async () => {
    const [a, b] = [instance(), instance()];
    const sessionId = await a.newSession();
    for (let turn = 1; turn <= 6; turn++) {
      const app = turn % 2 === 1 ? a : b;
      const response = await app.post('/chat', {
        session_id: sessionId,
        message: `message ${turn}`,
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as ChatBody).response).toBe(`turn ${turn}`);
    }
    for (const app of [a, b]) {
      const response = await app.app.request(`/chat/history?session_id=${sessionId}`);
      const { messages } = (await response.json()) as { messages: { content: string }[] };
      expect(messages.map((message) => message.content)).toEqual(
        [1, 2, 3, 4, 5, 6].flatMap((turn) => [`message ${turn}`, `turn ${turn}`]),
      );
    }
    expect(a.model.calls).toHaveLength(3);
    expect(b.model.calls).toHaveLength(3);
  });

  it('streams on one instance what the other one started', async () => {
    const [a, b] = [instance(), instance()];
    const first = (await (await a.post('/chat', { message: 'hello' })).json()) as ChatBody;
    const streamed = await b.post('/chat/stream', {
      session_id: first.session_id,
      message: 'more',
    });
    expect(await streamed.text()).toContain('"response":"turn 2"');
  });

  it('shares the per-session rate limit between instances (@upstash/ratelimit)', async () => {
    const errors: unknown[] = [];
    const prefix = `chat-api-test:limit:${Date.now()}`;
    const limiter = () =>
      createUpstashRateLimiter({
        redis: client(),
        limit: 2,
        windowSeconds: 60,
        prefix,
        onError: (error) => errors.push(error),
      });
    const [a, b] = [instance(limiter()), instance(limiter())];
    const sessionId = await a.newSession();
    const send = (app: typeof a) => app.post('/chat', { session_id: sessionId, message: 'hi' });
    expect((await send(a)).status).toBe(200);
    expect((await send(b)).status).toBe(200);
    const limited = await send(a);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect((await send(b)).status).toBe(429);
    expect(errors).toEqual([]);
  });

  it('hands a chat off on one instance and lets an operator answer it on the other, in one shared limit', async () => {
    const token = 'operator-token-0123456789-abcdef';
    const prefix = `chat-api-test:operator:${Date.now()}`;
    const handing = () =>
      createTestApp({
        model: createKnowledgeModel(),
        history: createUpstashHistory({ redis: client(), keyPrefix: 'chat-api-test' }),
        handoff: { operatorToken: token },
        limits: {
          ip: unlimited,
          session: unlimited,
          operator: createUpstashRateLimiter({
            redis: client(),
            limit: 3,
            windowSeconds: 60,
            prefix,
          }),
        },
      });
    const [a, b] = [handing(), handing()];
    const answer = (await (
      await a.post('/chat', { message: 'Can I talk to a person?' })
    ).json()) as ChatBody & {
      handoff?: { state: string };
    };
    expect(answer.handoff?.state).toBe('started');
    const operator = (app: typeof a, path: string, body?: unknown) =>
      app.app.request(`/operator/conversations/${answer.session_id}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await operator(b, '/messages', { text: 'Dana here.', operator: 'Dana' })).status).toBe(
      201,
    );
    const history = await a.app.request(`/chat/history?session_id=${answer.session_id}`);
    expect(await history.json()).toMatchObject({
      handoff: { status: 'active', operator: 'Dana' },
      messages: [{}, {}, { role: 'operator', name: 'Dana', content: 'Dana here.' }],
    });
    expect((await operator(a, '')).status).toBe(200);
    expect((await operator(b, '')).status).toBe(200);
    expect((await operator(a, '')).status).toBe(429);
  });
});
