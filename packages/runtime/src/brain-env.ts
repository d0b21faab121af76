import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The repo's `knowledge/` folder. Three levels up from this file (`packages/runtime/src/`) and
 * from every app's bundle (`apps/<app>/dist/server.mjs`, `apps/<app>/dist-bench/*.mjs`), which
 * inline this module: keep both at that depth.
 */
export function defaultKnowledgeDir(): string {
  // Resolved when used, not at import: a browser test that imports an app's routes has no files.
  return fileURLToPath(new URL('../../../knowledge', import.meta.url));
}

/**
 * The brain's variables: the model (OpenAI-compatible when `OPENAI_API_KEY` or `OPENAI_BASE_URL`
 * is set, else the offline knowledge model), the knowledge folder and the instructions. Spread
 * its `shape` into an app's schema.
 */
export const brainEnv = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  KNOWLEDGE_DIR: z.string().min(1).default(defaultKnowledgeDir),
  INSTRUCTIONS: z.string().min(1).optional(),
});

/** The brain's variables, validated. */
export type BrainEnv = z.infer<typeof brainEnv>;
