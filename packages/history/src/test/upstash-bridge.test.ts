import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from './redis-server';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge';

let server: RedisServer;
let bridge: UpstashBridge;

beforeAll(async () => {
  server = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: server.url, token: 'secret' });
}, 60_000);

afterAll(async () => {
  await bridge?.close();
  await server?.stop();
});

beforeEach(async () => {
  await post('/', ['FLUSHDB']);
  bridge.requests.length = 0;
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${bridge.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer secret', 'upstash-encoding': 'base64', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('startUpstashBridge (raw protocol)', () => {
  it('requires the bearer token', async () => {
    const response = await post('/', ['PING'], { authorization: 'Bearer nope' });
    expect(response).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    expect(bridge.requests).toHaveLength(0);
  });

  it('base64-encodes every string result, status replies like OK included', async () => {
    expect(await post('/', ['SET', 'k', 'välue'])).toEqual({
      status: 200,
      body: { result: b64('OK') },
    });
    expect((await post('/', ['GET', 'k'])).body).toEqual({ result: b64('välue') });
    expect((await post('/', ['GET', 'missing'])).body).toEqual({ result: null });
    expect((await post('/', ['INCR', 'n'])).body).toEqual({ result: 1 });
  });

  it('encodes nested arrays recursively, leaving integers and null alone', async () => {
    await post('/', ['RPUSH', 'list', 'a', 'b']);
    expect((await post('/', ['SCAN', 0])).body).toEqual({ result: [b64('0'), [b64('list')]] });
    const multi = await post('/multi-exec', [
      ['LRANGE', 'list', 0, -1],
      ['LLEN', 'list'],
      ['GET', 'x'],
    ]);
    expect(multi.body).toEqual([{ result: [b64('a'), b64('b')] }, { result: 2 }, { result: null }]);
  });

  it('returns plain strings when no encoding is asked for', async () => {
    const response = await post(
      '/pipeline',
      [
        ['SET', 'k', 'v'],
        ['GET', 'k'],
      ],
      { 'upstash-encoding': '' },
    );
    expect(response.body).toEqual([{ result: 'OK' }, { result: 'v' }]);
  });

  it('reports a failing command with status 400, and a failing pipeline entry in place', async () => {
    const single = await post('/', ['NOSUCHCOMMAND']);
    expect(single.status).toBe(400);
    expect(single.body).toEqual({ error: expect.stringMatching(/^ERR unknown command/) });
    await post('/', ['SET', 's', 'text']);
    const pipeline = await post('/pipeline', [
      ['INCR', 's'],
      ['GET', 's'],
    ]);
    expect(pipeline.status).toBe(200);
    expect(pipeline.body).toEqual([
      { error: expect.stringMatching(/not an integer/) },
      { result: b64('text') },
    ]);
    const malformed = await post('/', 'SET k v');
    expect(malformed.status).toBe(400);
  });

  it('runs each multi-exec as one transaction nothing can interleave with', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post('/multi-exec', [
          ['SET', 'shared', `v${i}`],
          ['INCR', 'counter'],
          ['GET', 'shared'],
        ]),
      ),
    );
    results.forEach((response, i) => {
      expect(response.body).toEqual([
        { result: b64('OK') },
        { result: expect.any(Number) },
        { result: b64(`v${i}`) },
      ]);
    });
    expect((await post('/', ['GET', 'counter'])).body).toEqual({ result: b64('100') });
  });

  it('discards a whole transaction when one of its commands is rejected', async () => {
    const response = await post('/multi-exec', [
      ['SET', 'x', '1'],
      ['SET', 'y'],
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: expect.stringMatching(/^EXECABORT .*wrong number/) });
    expect((await post('/', ['EXISTS', 'x'])).body).toEqual({ result: 0 });
  });

  it("runs scripts that declare Upstash's allow-key-locking flag, which Redis refuses", async () => {
    const script = (flags: string) => `#!lua flags=${flags}\nreturn redis.call('INCR', KEYS[1])`;
    const plain = { 'upstash-encoding': '' };
    expect((await post('/', ['EVAL', script('allow-key-locking'), 1, 'n'], plain)).body).toEqual({
      result: 1,
    });
    const both = script('allow-key-locking,no-cluster');
    expect((await post('/', ['EVAL', both, 1, 'n'], plain)).body).toEqual({ result: 2 });
    const loaded = await post('/', ['SCRIPT', 'LOAD', script('allow-key-locking')], plain);
    expect(loaded.body).toEqual({ result: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it('counts the requests it serves', async () => {
    await post('/', ['PING']);
    await post('/pipeline', [['PING'], ['PING']]);
    expect(bridge.requests).toEqual([
      { path: '/', commands: [['PING']] },
      { path: '/pipeline', commands: [['PING'], ['PING']] },
    ]);
  });
});

describe('startUpstashBridge with the real @upstash/redis client', () => {
  it('serves single commands, pipelines, transactions and auto-pipelined calls', async () => {
    const redis = new Redis({
      url: bridge.url,
      token: 'secret',
      retry: false,
      enableTelemetry: false,
    });
    expect(await redis.set('obj', { nested: ['x', 1] })).toBe('OK');
    const [value, missing] = await Promise.all([redis.get('obj'), redis.get('nothing')]);
    expect(value).toEqual({ nested: ['x', 1] });
    expect(missing).toBeNull();
    // Auto-pipelining batches the two reads into one /pipeline request.
    expect(bridge.requests).toEqual([
      { path: '/pipeline', commands: [['set', 'obj', '{"nested":["x",1]}']] },
      {
        path: '/pipeline',
        commands: [
          ['get', 'obj'],
          ['get', 'nothing'],
        ],
      },
    ]);

    expect(await redis.multi().set('a', 'one').get('a').incr('n').exec()).toEqual(['OK', 'one', 1]);
    expect(await redis.pipeline().rpush('l', 'p', 'q').lrange('l', 0, -1).exec()).toEqual([
      2,
      ['p', 'q'],
    ]);
    expect(await redis.lrange('l', 0, -1)).toEqual(['p', 'q']);
    expect(bridge.requests.at(-1)?.path).toBe('/');
    await expect(redis.incr('a')).rejects.toThrow(/not an integer/);
  });
});
