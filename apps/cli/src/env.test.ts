import { defaultKnowledgeDir } from '@org/runtime';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('runs offline by default, ignoring empty variables and server-only ones', () => {
    expect(
      loadEnv({ OPENAI_API_KEY: '', UPSTASH_REDIS_REST_URL: 'https://eu1.upstash.io' }),
    ).toEqual({ OPENAI_MODEL: 'gpt-4o-mini', KNOWLEDGE_DIR: defaultKnowledgeDir() });
  });

  it('names a bad variable without its value', () => {
    expect(() => loadEnv({ OPENAI_BASE_URL: 'secret-host' })).toThrow(
      /OPENAI_BASE_URL: (?!.*secret)/,
    );
  });
});
