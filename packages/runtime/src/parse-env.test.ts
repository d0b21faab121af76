import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, parseEnv, requiredTogether } from './parse-env';

const schema = z.object({
  PORT: z.coerce.number().int().default(3000),
  NAME: z.string().min(3).optional(),
  URL: z.url().optional(),
});

function errorOf(run: () => unknown): EnvError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected an EnvError');
}

describe('parseEnv', () => {
  it('returns the parsed values, with defaults', () => {
    expect(parseEnv(schema, { PORT: '8080', NAME: 'shop', OTHER: 'x' })).toEqual({
      PORT: 8080,
      NAME: 'shop',
    });
    expect(parseEnv(schema, {}).PORT).toBe(3000);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv(schema, { PORT: '', NAME: '', URL: undefined })).toEqual({ PORT: 3000 });
  });

  it('names every bad variable at once, with what is wrong, never a value', () => {
    const error = errorOf(() =>
      parseEnv(schema, { PORT: 'eighty-SECRET1', NAME: 'x2', URL: 'not a url SECRET3' }),
    );
    expect(error.issues.map((issue) => issue.split(':')[0])).toEqual(['PORT', 'NAME', 'URL']);
    expect(error.message).toMatch(/^Invalid environment:\n {2}PORT: /);
    expect(error.message).not.toMatch(/SECRET|eighty|x2/);
  });

  it('reports the extra checks together with the schema issues', () => {
    const check = requiredTogether('A', 'B');
    const error = errorOf(() => parseEnv(schema, { PORT: 'x', A: 'secret-a' }, [check]));
    expect(error.issues).toEqual([
      expect.stringMatching(/^PORT: /),
      'B: is required when A is set',
    ]);
    expect(error.message).not.toContain('secret-a');
  });
});

describe('requiredTogether', () => {
  const check = requiredTogether('A', 'B', 'C');

  it('accepts all or none', () => {
    expect(check({})).toEqual([]);
    expect(check({ A: '1', B: '2', C: '3' })).toEqual([]);
  });

  it('names each one missing', () => {
    expect(check({ B: '2' })).toEqual([
      'A: is required when B is set',
      'C: is required when B is set',
    ]);
  });
});
