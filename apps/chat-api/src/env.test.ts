import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const secret = 's'.repeat(40);

function errorOf(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected loadEnv to throw');
}

describe('loadEnv', () => {
  it('boots offline with no variables at all', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, OPENAI_MODEL: 'gpt-4o-mini' });
    expect(env.KNOWLEDGE_DIR).toMatch(/knowledge$/);
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.UPSTASH_REDIS_REST_URL).toBeUndefined();
    expect(env.ALLOWED_ORIGINS).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ PORT: '', OPENAI_BASE_URL: '' }).PORT).toBe(3000);
  });

  it('parses a configured deployment', () => {
    const env = loadEnv({
      NODE_ENV: 'production',
      PORT: '8080',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_MODEL: 'gpt-4.1-mini',
      UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io',
      UPSTASH_REDIS_REST_TOKEN: 'token',
      ALLOWED_ORIGINS: 'https://shop.example, https://www.shop.example/,http://localhost:*',
      SESSION_SECRET: secret,
      TRUST_PROXY: 'true',
    });
    expect(env.PORT).toBe(8080);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.ALLOWED_ORIGINS).toEqual([
      'https://shop.example',
      'https://www.shop.example',
      'http://localhost:*',
    ]);
  });

  it('names every bad variable at once, without their values', () => {
    const message = errorOf({
      PORT: 'eighty',
      OPENAI_BASE_URL: 'not a url sk-SECRET1',
      ALLOWED_ORIGINS: 'https://ok.example,javascript:alert(1)',
      SESSION_SECRET: 'short-SECRET2',
      UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io',
    });
    for (const name of [
      'PORT',
      'OPENAI_BASE_URL',
      'ALLOWED_ORIGINS',
      'SESSION_SECRET',
      'UPSTASH_REDIS_REST_TOKEN',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toMatch(/SECRET1|SECRET2|eighty|alert/);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(errorOf({ NODE_ENV: 'production' })).toContain('SESSION_SECRET');
    expect(loadEnv({ NODE_ENV: 'production', SESSION_SECRET: secret }).NODE_ENV).toBe('production');
  });

  it('requires the Upstash URL and token together', () => {
    expect(errorOf({ UPSTASH_REDIS_REST_TOKEN: 't' })).toContain('UPSTASH_REDIS_REST_URL');
  });

  it('reads the handoff variables: operator token, webhook and opening hours', () => {
    const env = loadEnv({
      OPERATOR_TOKEN: 'o'.repeat(32),
      HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks/handoff',
      HANDOFF_WEBHOOK_SECRET: 'w'.repeat(32),
      HANDOFF_HOURS: 'Mon-Fri 09:00-17:00, Sat 10:00-14:00',
      HANDOFF_TIMEZONE: 'Europe/Berlin',
      RATE_LIMIT_OPERATOR: '30',
    });
    expect(env).toMatchObject({ HANDOFF_TIMEZONE: 'Europe/Berlin', RATE_LIMIT_OPERATOR: 30 });
    expect(loadEnv({})).toMatchObject({ HANDOFF_TIMEZONE: 'UTC', RATE_LIMIT_OPERATOR: 120 });
    expect(loadEnv({}).OPERATOR_TOKEN).toBeUndefined();
  });

  it('names bad handoff variables, without their values', () => {
    const message = errorOf({
      OPERATOR_TOKEN: 'short-SECRET3',
      HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks/handoff',
      HANDOFF_HOURS: 'Mon-Fri 9-5',
      HANDOFF_TIMEZONE: 'Mars/Olympus',
    });
    for (const name of [
      'OPERATOR_TOKEN',
      'HANDOFF_WEBHOOK_SECRET',
      'HANDOFF_HOURS',
      'HANDOFF_TIMEZONE',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('SECRET3');
  });
});
