import { Redis } from '@upstash/redis';
import { describe, expect, it } from 'vitest';
import { createRedis } from './create-redis';

describe('createRedis', () => {
  it('is undefined unless both the URL and the token are set', () => {
    expect(createRedis({})).toBeUndefined();
    expect(createRedis({ UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io' })).toBeUndefined();
  });

  it('builds a client for the configured database, without connecting', () => {
    const redis = createRedis({
      UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io',
      UPSTASH_REDIS_REST_TOKEN: 'token',
    });
    expect(redis).toBeInstanceOf(Redis);
  });
});
