import { AiCoreError, createMemoryHistory, type HistoryStore } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { createMemoryRateLimiter, unlimited } from '@org/runtime';
import { describe, expect, it } from 'vitest';
import { createDefaultLimits, maxBodyBytes } from './app';
import { createClientIp } from './http/client-ip';
import { createTestApp } from './test/test-app';

type ErrorBody = { error: { code: string; message: string; field?: string } };

describe('createApp', () => {
  it('answers unknown routes and methods with a JSON 404', async () => {
    const { app } = createTestApp();
    for (const [path, method] of [
      ['/nope', 'GET'],
      ['/chat', 'GET'],
      ['/chat/stream/x', 'POST'],
    ] as const) {
      const response = await app.request(path, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toContain('application/json');
      expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    }
  });

  it('refuses a body over 16 kB with a JSON 413, with or without Content-Length', async () => {
    const { app, post, model } = createTestApp();
    const big = JSON.stringify({ message: 'a'.repeat(maxBodyBytes) });
    const streamed = await post('/chat', big);
    const declared = await app.request('/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body: big,
    });
    for (const response of [streamed, declared]) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as ErrorBody).error.code).toBe('payload_too_large');
    }
    expect(model.calls).toHaveLength(0);
  });

  it('sets a request id (honouring a sane incoming one) and secure headers', async () => {
    const { app } = createTestApp();
    const response = await app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(response.headers.get('X-Request-Id')).toBe('abc-123');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const generated = await app.request('/healthz');
    expect(generated.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
  });

  it('logs one JSON line per request with its id, never the message', async () => {
    const { post, logs } = createTestApp();
    const response = await post('/chat', { message: 'my card number is 4111 1111' });
    const lines = logs.filter((line) => line.msg === 'request');
    expect(lines).toEqual([
      expect.objectContaining({
        reqId: response.headers.get('X-Request-Id'),
        method: 'POST',
        path: '/chat',
        status: 200,
      }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('4111');
  });
});

describe('request logs of streams', () => {
  it('logs a streamed answer once, when it has ended, with its whole duration', async () => {
    const model = createMockChatModel({
      responses: [{ text: 'one two three four five' }],
      tokenDelayMs: 30,
    });
    const { post, logs } = createTestApp({ model });
    const response = await post('/chat/stream', { message: 'Count' });
    const requests = () => logs.filter((line) => line.msg === 'request');
    expect(requests()).toEqual([]);
    await response.text();
    await expect.poll(() => requests().length).toBe(1);
    expect(requests()[0]).toMatchObject({ path: '/chat/stream', status: 200 });
    expect(Number(requests()[0]?.ms)).toBeGreaterThanOrEqual(4 * 30 - 10);
  });
});

describe('CORS', () => {
  it('allows a listed origin, on answers and on errors', async () => {
    const { app, post } = createTestApp({ corsOrigins: ['https://shop.example'] });
    const ok = await post('/chat', { message: 'hi' }, { Origin: 'https://shop.example' });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    const bad = await post('/chat', { message: '' }, { Origin: 'https://shop.example' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    expect(bad.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');

    const preflight = await app.request('/chat', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
  });

  it('matches any port of a host:* pattern, and nothing else', async () => {
    const { post } = createTestApp({ corsOrigins: ['http://localhost:*'] });
    const allowed = await post('/chat', { message: 'hi' }, { Origin: 'http://localhost:5173' });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    for (const origin of ['http://localhost.evil.example', 'https://localhost:5173']) {
      expect((await post('/chat', { message: 'hi' }, { Origin: origin })).status).toBe(403);
    }
  });

  it('refuses any other origin with a JSON 403 and no CORS headers, before the model', async () => {
    const { app, post, model } = createTestApp({ corsOrigins: ['https://shop.example'] });
    const response = await post('/chat', { message: 'hi' }, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('origin_not_allowed');
    const preflight = await app.request('/chat', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(model.calls).toHaveLength(0);
  });

  it('lets requests without an Origin (curl, servers) through', async () => {
    const { post } = createTestApp({ corsOrigins: [] });
    expect((await post('/chat', { message: 'hi' })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits each IP, with Retry-After on the 429', async () => {
    const { post } = createTestApp({
      limits: { ip: createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }), session: unlimited },
      clientIp: (c) => c.req.header('X-Test-Ip') ?? 'none',
    });
    const from = (ip: string) => post('/chat', { message: 'hi' }, { 'X-Test-Ip': ip });
    expect((await from('1.1.1.1')).status).toBe(200);
    expect((await from('1.1.1.1')).status).toBe(200);
    const limited = await from('1.1.1.1');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited');
    expect((await from('2.2.2.2')).status).toBe(200);
  });

  it('counts POST /sessions and GET /chat/history against the IP limit too', async () => {
    const { app } = createTestApp({
      limits: { ip: createMemoryRateLimiter({ limit: 1, windowMs: 60_000 }), session: unlimited },
    });
    const created = await app.request('/sessions', { method: 'POST' });
    expect(created.status).toBe(201);
    expect((await app.request('/sessions', { method: 'POST' })).status).toBe(429);
    const { session_id } = (await created.json()) as { session_id: string };
    expect((await app.request(`/chat/history?session_id=${session_id}`)).status).toBe(429);
  });

  it('limits each session, whatever the IP', async () => {
    const { post, newSession, model } = createTestApp({
      limits: { ip: unlimited, session: createMemoryRateLimiter({ limit: 1, windowMs: 60_000 }) },
    });
    const [a, b] = [await newSession(), await newSession()];
    expect((await post('/chat', { session_id: a, message: 'hi' })).status).toBe(200);
    const limited = await post('/chat/stream', { session_id: a, message: 'again' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).not.toBeNull();
    expect((await post('/chat', { session_id: b, message: 'hi' })).status).toBe(200);
    expect(model.calls).toHaveLength(2);
  });

  it('has default in-process limits', async () => {
    const limits = createDefaultLimits();
    const decisions = [];
    for (let i = 0; i < 61; i++) decisions.push(await limits.ip.consume('same'));
    expect(decisions.at(-2)).toEqual({ allowed: true });
    expect(decisions.at(-1)).toMatchObject({ allowed: false });
  });

  it('does not limit health checks', async () => {
    const { app } = createTestApp({
      limits: { ip: createMemoryRateLimiter({ limit: 1, windowMs: 60_000 }), session: unlimited },
    });
    for (let i = 0; i < 3; i++) expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe('health', () => {
  it('GET /healthz and /readyz answer 200 when the store is reachable', async () => {
    const { app } = createTestApp();
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('GET /readyz answers 503 when the store is down', async () => {
    const memory = createMemoryHistory();
    for (const failure of [new AiCoreError('history_unavailable'), new Error('ECONNREFUSED')]) {
      const history: HistoryStore = {
        ...memory,
        ping: async () => {
          throw failure;
        },
      };
      const response = await createTestApp({ history }).app.request('/readyz');
      expect(response.status).toBe(503);
      expect(((await response.json()) as ErrorBody).error.code).toBe('history_unavailable');
    }
  });
});

describe('errors', () => {
  it('answers a thrown non-Error with a JSON 500 too', async () => {
    const { post } = createTestApp({
      assistant: (assistant) => ({
        ...assistant,
        reply: () => Promise.reject('a bare string'),
      }),
    });
    const response = await post('/chat', { message: 'hi' });
    expect(response.status).toBe(500);
    expect(((await response.json()) as ErrorBody).error.code).toBe('internal_error');
  });
});

describe('createClientIp', () => {
  const ipOf = async (trustProxy: boolean, headers: Record<string, string>) => {
    let seen = '';
    const clientIp = createClientIp({ trustProxy });
    const { app } = createTestApp({
      clientIp: (c) => {
        seen = clientIp(c);
        return seen;
      },
    });
    await app.request(
      '/sessions',
      { method: 'POST', headers },
      {
        incoming: { socket: { remoteAddress: '10.0.0.5' } },
      },
    );
    return seen;
  };

  it('uses the socket address, ignoring X-Forwarded-For unless a proxy is trusted', async () => {
    const forwarded = { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' };
    expect(await ipOf(false, forwarded)).toBe('10.0.0.5');
    expect(await ipOf(true, forwarded)).toBe('203.0.113.7');
    expect(await ipOf(true, {})).toBe('10.0.0.5');
  });
});
