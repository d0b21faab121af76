import { AiCoreError, type Handoff, type HistoryMessage } from '@org/ai-core';
import { Redis } from '@upstash/redis';
import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, type RedisServer, startRedisServer } from './test/redis-server';
import { startUpstashBridge, type UpstashBridge } from './test/upstash-bridge';
import { createUpstashHistory } from './upstash-history';

let server: RedisServer;
let bridge: UpstashBridge;
let direct: IORedis;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: server.url });
  direct = new IORedis(server.url);
  redis = new Redis({ url: bridge.url, token: bridge.token, retry: false, enableTelemetry: false });
}, 60_000);

afterAll(async () => {
  direct?.disconnect();
  await bridge?.close();
  await server?.stop();
});

beforeEach(async () => {
  await direct.flushdb();
  bridge.requests.length = 0;
});

const message = (content: string): HistoryMessage => ({
  role: 'user',
  content,
  createdAt: '2026-01-02T03:04:05.000Z',
});

const handoff = (startedAt = '2026-01-02T03:04:05.000Z'): Handoff => ({
  status: 'active',
  reason: 'customer_request',
  summary: 'Wants a person.',
  channel: 'chat',
  startedAt,
});

const expectUnavailable = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(AiCoreError.isInstance(error) && error.code).toBe('history_unavailable');
  expect((error as AiCoreError).cause).toBeDefined();
};

describe('createUpstashHistory', () => {
  it('costs one HTTP request per load and one per append, claim and settlement included', async () => {
    const history = createUpstashHistory({ redis });
    await history.load('c', { limit: 20, claim: 'e1' });
    expect(bridge.requests.map((request) => request.path)).toEqual(['/multi-exec']);
    expect(bridge.requests[0]?.commands.map(([name]) => name?.toLowerCase())).toEqual([
      'set',
      'get',
      'lrange',
      'get',
    ]);

    bridge.requests.length = 0;
    await history.append('c', [message('q'), message('a')], { event: { id: 'e1', reply: 'a' } });
    expect(bridge.requests.map((request) => request.path)).toEqual(['/multi-exec']);
    expect(bridge.requests[0]?.commands.map(([name]) => name?.toLowerCase())).toEqual([
      'rpush',
      'ltrim',
      'expire',
      'expire',
      'set',
    ]);

    bridge.requests.length = 0;
    await history.load('c', { limit: 20 });
    await history.append('c', [], { event: { id: 'e2' } });
    expect(bridge.requests).toHaveLength(2);
  });

  it('writes and clears the handoff in the append transaction, reads it in the load one', async () => {
    const history = createUpstashHistory({ redis });
    await history.append('c', [message('a person, please')], {
      event: { id: 'e1', reply: 'ok' },
      handoff: handoff(),
    });
    await history.load('c', { limit: 0 });
    await history.append('c', [], { handoff: null });
    expect(bridge.requests.map((request) => request.path)).toEqual([
      '/multi-exec',
      '/multi-exec',
      '/multi-exec',
    ]);
    expect(
      bridge.requests.map((request) => request.commands.map(([name]) => name?.toLowerCase())),
    ).toEqual([
      ['rpush', 'ltrim', 'set', 'zadd', 'expire', 'set'],
      ['get'],
      ['del', 'zrem', 'expire'],
    ]);
  });

  it('keeps the handoff as a string with the conversation TTL, indexed by `startedAt`', async () => {
    const history = createUpstashHistory({ redis, keyPrefix: 'app', ttlSeconds: 5000 });
    await history.append('a:b', [message('x')], { handoff: handoff() });
    expect(JSON.parse((await direct.get('app:{a%3Ab}:handoff')) ?? '')).toEqual(handoff());
    expect(await direct.ttl('app:{a%3Ab}:handoff')).toBeGreaterThan(4900);
    expect(await direct.zrange('app:handoffs', 0, -1, 'WITHSCORES')).toEqual([
      '{a%3Ab}',
      String(Date.parse(handoff().startedAt)),
    ]);
    await history.append('a:b', [], { handoff: null });
    expect(await direct.keys('app:*')).toEqual(['app:{a%3Ab}:messages']);
  });

  it('skips a stored handoff that is not valid instead of failing', async () => {
    const history = createUpstashHistory({ redis });
    await history.append('good', [], { handoff: handoff() });
    await direct.set('history:{bad}:handoff', 'not json {');
    await direct.set('history:{worse}:handoff', JSON.stringify({ ...handoff(), status: 'x' }));
    await direct.zadd('history:handoffs', 1, '{bad}', 2, '{worse}', 3, 'not-a-tag');
    expect(await history.load('bad', { limit: 5 })).toEqual({ messages: [] });
    expect(await history.load('worse', { limit: 5 })).toEqual({ messages: [] });
    expect(await history.listHandoffs()).toEqual([{ conversationId: 'good', handoff: handoff() }]);
  });

  it('drops index entries whose handoff expired, and only those', async () => {
    const history = createUpstashHistory({ redis });
    for (const id of ['a', 'b', 'c']) await history.append(id, [], { handoff: handoff() });
    await direct.del('history:{a}:handoff', 'history:{c}:handoff');
    expect((await history.listHandoffs()).map((entry) => entry.conversationId)).toEqual(['b']);
    expect(await direct.zrange('history:handoffs', 0, -1)).toEqual(['{b}']);
    expect(bridge.requests.at(-1)?.commands[0]?.[0]?.toLowerCase()).toBe('eval');

    // Nothing expired: two reads (ZRANGE, MGET) and no clean-up.
    bridge.requests.length = 0;
    await history.listHandoffs();
    expect(bridge.requests.map(({ commands }) => commands[0]?.[0]?.toLowerCase())).toEqual([
      'zrange',
      'mget',
    ]);
  });

  it('keeps an index entry set again between the read and the clean-up', async () => {
    // The clean-up script checks the state key itself, so it cannot drop a handoff that a
    // concurrent append has just set: run it with a member whose key exists again.
    const history = createUpstashHistory({ redis });
    await history.append('a', [], { handoff: handoff() });
    await direct.del('history:{a}:handoff');
    const original = redis.mget.bind(redis);
    const raced = Object.assign(Object.create(redis) as Redis, {
      mget: async (...keys: string[]) => {
        const states = await original(...keys);
        await history.append('a', [], { handoff: handoff() });
        return states;
      },
    });
    expect(await createUpstashHistory({ redis: raced }).listHandoffs()).toEqual([]);
    expect(await history.listHandoffs()).toEqual([{ conversationId: 'a', handoff: handoff() }]);
  });

  it('writes the TTLs it is configured with', async () => {
    const history = createUpstashHistory({
      redis,
      keyPrefix: 'app',
      ttlSeconds: 5000,
      claimTtlSeconds: 70,
      eventTtlSeconds: 3000,
    });
    await history.load('c', { limit: 1, claim: 'e1' });
    await history.load('c', { limit: 1, claim: 'e2' });
    expect(await direct.ttl('app:{c}:event:e1')).toBeGreaterThan(60);
    expect(await direct.ttl('app:{c}:event:e1')).toBeLessThanOrEqual(70);
    await history.append('c', [message('x')], { event: { id: 'e1', reply: 'r' } });
    expect(await direct.ttl('app:{c}:messages')).toBeGreaterThan(4900);
    expect(await direct.ttl('app:{c}:event:e1')).toBeGreaterThan(2900);
    await history.append('c', [], { event: { id: 'e2' } });
    expect(await direct.exists('app:{c}:event:e2')).toBe(0);
  });

  it('encodes ids into its keys so they cannot collide', async () => {
    const history = createUpstashHistory({ redis });
    await history.append('a:b}{', [message('x')]);
    expect(await direct.keys('*')).toEqual(['history:{a%3Ab%7D%7B}:messages']);
  });

  it('reads entries written by other clients as objects or as JSON text, skipping the rest', async () => {
    const history = createUpstashHistory({ redis });
    await redis.rpush('history:{c}:messages', message('as object'));
    await direct.rpush('history:{c}:messages', JSON.stringify(message('as text')), '"str"', 'null');
    await direct.rpush('history:{c}:messages', JSON.stringify({ ...message('bad'), channel: 7 }));
    const { messages } = await history.load('c', { limit: 10 });
    expect(messages.map((m) => m.content)).toEqual(['as object', 'as text']);
  });

  it('reports a backend that is down as history_unavailable', async () => {
    const port = await freePort();
    const down = new Redis({ url: `http://127.0.0.1:${port}`, token: 't', retry: false });
    const history = createUpstashHistory({ redis: down });
    await expectUnavailable(history.load('c', { limit: 5 }));
    await expectUnavailable(history.load('c', { limit: 5, claim: 'e1' }));
    await expectUnavailable(history.append('c', [message('x')]));
    await expectUnavailable(history.listHandoffs());
    await expectUnavailable(history.ping());
  });

  it('reports a rejected token as history_unavailable', async () => {
    const wrong = new Redis({ url: bridge.url, token: 'wrong', retry: false });
    await expectUnavailable(createUpstashHistory({ redis: wrong }).load('c', { limit: 5 }));
    expect(bridge.requests).toHaveLength(0);
  });

  it('reports a failing command inside the transaction as history_unavailable', async () => {
    await direct.set('history:{c}:messages', 'not a list');
    await expectUnavailable(createUpstashHistory({ redis }).append('c', [message('x')]));
  });

  it('rejects invalid options as invalid_input', () => {
    expect(() => createUpstashHistory({ redis, maxMessages: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'maxMessages' }),
    );
  });
});
