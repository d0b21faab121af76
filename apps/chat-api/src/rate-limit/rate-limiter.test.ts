import { Redis } from '@upstash/redis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter';
import { createUpstashRateLimiter } from './upstash-rate-limiter';

describe('createMemoryRateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows `limit` requests per key and window, then says when to come back', async () => {
    vi.useFakeTimers();
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 30_000 });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('b')).toEqual({ allowed: true });
    vi.advanceTimersByTime(10_000);
    expect(await limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    vi.advanceTimersByTime(20_001);
    expect(await limiter.consume('a')).toEqual({ allowed: true });
  });
});

describe('createUpstashRateLimiter', () => {
  it('allows the request, and reports the error, when Redis cannot be reached', async () => {
    const errors: unknown[] = [];
    const limiter = createUpstashRateLimiter({
      redis: new Redis({ url: 'http://127.0.0.1:9', token: 'token', retry: false }),
      limit: 1,
      windowSeconds: 60,
      prefix: 'unreachable',
      onError: (error) => errors.push(error),
    });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(errors).toHaveLength(1);
  });
});
