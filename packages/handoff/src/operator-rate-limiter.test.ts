import { describe, expect, it } from 'vitest';
import { createMemoryOperatorRateLimiter } from './operator-rate-limiter';

describe('createMemoryOperatorRateLimiter', () => {
  it('allows `limit` requests per key and window, then says when the window ends', async () => {
    let now = 1_000_000;
    const limiter = createMemoryOperatorRateLimiter({ limit: 2, windowMs: 30_000, now: () => now });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('b')).toEqual({ allowed: true });
    now += 10_000;
    expect(await limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now += 20_000;
    expect(await limiter.consume('a')).toEqual({ allowed: true });
  });
});
