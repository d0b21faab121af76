import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brainEnv, defaultKnowledgeDir } from './brain-env';
import { parseEnv } from './parse-env';

/** The repo root: the nearest folder up from here with a pnpm-workspace.yaml. */
function repoRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) folder = dirname(folder);
  return folder;
}

describe('brainEnv', () => {
  it('runs offline with nothing set', () => {
    expect(parseEnv(brainEnv, {})).toEqual({
      OPENAI_MODEL: 'gpt-4o-mini',
      KNOWLEDGE_DIR: defaultKnowledgeDir(),
    });
  });

  it('reads a configured model, knowledge folder and instructions', () => {
    const env = parseEnv(brainEnv, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      OPENAI_MODEL: 'llama3',
      KNOWLEDGE_DIR: '/srv/knowledge',
      INSTRUCTIONS: 'You are a bakery.',
    });
    expect(env).toMatchObject({ OPENAI_MODEL: 'llama3', KNOWLEDGE_DIR: '/srv/knowledge' });
  });

  it('refuses a base URL that is not a URL', () => {
    expect(() => parseEnv(brainEnv, { OPENAI_BASE_URL: 'localhost' })).toThrow(/OPENAI_BASE_URL/);
  });
});

describe('defaultKnowledgeDir', () => {
  const knowledge = join(repoRoot(), 'knowledge');

  it("is the repo's knowledge/ folder", () => {
    expect(defaultKnowledgeDir()).toBe(knowledge);
    expect(readdirSync(knowledge).some((name) => name.endsWith('.md'))).toBe(true);
  });

  it('is the same from the bundles that inline this module (same depth as src/)', () => {
    for (const bundle of [
      'apps/chat-api/dist/server.mjs',
      'apps/voice-gateway/dist/server.mjs',
      'apps/chat-api/dist-bench/index.mjs',
      'packages/runtime/src/brain-env.ts',
    ]) {
      const from = pathToFileURL(join(repoRoot(), bundle));
      expect(fileURLToPath(new URL('../../../knowledge', from))).toBe(knowledge);
    }
  });
});
