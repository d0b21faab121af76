import { describe, expect, it } from 'vitest';
import { parseEnv } from './parse-env';
import { upstashEnv, upstashEnvCheck } from './upstash-env';

const load = (source: Record<string, string>) => parseEnv(upstashEnv, source, [upstashEnvCheck]);

describe('upstashEnv', () => {
  it('is optional', () => {
    expect(load({})).toEqual({});
  });

  it('reads the URL and token together', () => {
    expect(
      load({ UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io', UPSTASH_REDIS_REST_TOKEN: 't' }),
    ).toEqual({ UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io', UPSTASH_REDIS_REST_TOKEN: 't' });
  });

  it('requires both or neither, naming the missing one', () => {
    expect(() => load({ UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io' })).toThrow(
      'UPSTASH_REDIS_REST_TOKEN: is required when UPSTASH_REDIS_REST_URL is set',
    );
    expect(() => load({ UPSTASH_REDIS_REST_TOKEN: 'secret-token' })).toThrow(
      'UPSTASH_REDIS_REST_URL: is required when UPSTASH_REDIS_REST_TOKEN is set',
    );
  });

  it('refuses a URL that is not one, without echoing it', () => {
    expect(() =>
      load({ UPSTASH_REDIS_REST_URL: 'eu1 secret', UPSTASH_REDIS_REST_TOKEN: 't' }),
    ).toThrow(/UPSTASH_REDIS_REST_URL: (?!.*secret)/);
  });
});
