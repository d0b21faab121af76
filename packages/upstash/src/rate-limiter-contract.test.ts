// The contract of @org/runtime's RateLimiter port, run against both implementations: the
// in-memory one (@org/runtime) and this package's Upstash one (on a real redis-server).

import { useUpstashRedis } from '@org/history/test';
import { createMemoryRateLimiter, type RateLimiter } from '@org/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUpstashRateLimiter } from './upstash-rate-limiter';

const redis = useUpstashRedis();

type Limits = { limit: number; windowSeconds: number };
let run = 0;
const limiters: [string, (limits: Limits) => RateLimiter][] = [
  [
    'memory',
    ({ limit, windowSeconds }) =>
      createMemoryRateLimiter({ limit, windowMs: windowSeconds * 1000 }),
  ],
  [
    'upstash',
    (limits) =>
      createUpstashRateLimiter({
        redis: redis.connect(),
        prefix: `test-${++run}`,
        onError: (error) => {
          throw error;
        },
        ...limits,
      }),
  ],
];

describe.each(limiters)('%s RateLimiter', (_name, create) => {
  it('allows `limit` requests per key and window, then says when to come back', async () => {
    const limiter = create({ limit: 2, windowSeconds: 60 });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('b')).toEqual({ allowed: true });
    const refused = await limiter.consume('a');
    expect(refused.allowed).toBe(false);
    const { retryAfterSeconds } = refused as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('allows a key again once its window has passed', async () => {
    const limiter = create({ limit: 1, windowSeconds: 1 });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect((await limiter.consume('a')).allowed).toBe(false);
    // Two windows: a sliding window still weighs the previous one.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await limiter.consume('a')).toEqual({ allowed: true });
  });
});

describe('createMemoryRateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts in fixed windows: comes back when the window that refused ends', async () => {
    vi.useFakeTimers();
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 30_000 });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    vi.advanceTimersByTime(10_000);
    expect(await limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    vi.advanceTimersByTime(20_001);
    expect(await limiter.consume('a')).toEqual({ allowed: true });
  });
});
