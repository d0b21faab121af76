import { Redis } from '@upstash/redis';
import { describe, expect, it } from 'vitest';
import { createUpstashRateLimiter } from './upstash-rate-limiter';

// What the limiter does in Redis is in the RateLimiter contract (rate-limiter-contract.test.ts), run
// against a real redis-server; here, what is particular to this adapter.
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
