import { describe, expect, it } from 'vitest';
import { logEnv } from './log-env';
import { parseEnv } from './parse-env';

describe('logEnv', () => {
  it('defaults to info and accepts pino levels and silent', () => {
    expect(parseEnv(logEnv, {})).toEqual({ LOG_LEVEL: 'info' });
    expect(parseEnv(logEnv, { LOG_LEVEL: 'silent' }).LOG_LEVEL).toBe('silent');
    expect(() => parseEnv(logEnv, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
