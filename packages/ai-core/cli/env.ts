import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultKnowledgeDir: string = fileURLToPath(new URL('../../../knowledge', import.meta.url));

const envSchema: z.ZodType<CliEnv> = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  KNOWLEDGE_DIR: z.string().min(1).default(defaultKnowledgeDir),
  INSTRUCTIONS: z.string().min(1).optional(),
});

/** The CLI's configuration, from the environment. */
export type CliEnv = {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_MODEL: string;
  KNOWLEDGE_DIR: string;
  INSTRUCTIONS?: string | undefined;
};

/** Reads and validates the environment; exits with a message naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const set = Object.entries(source).filter(([, value]) => value !== '');
  const result = envSchema.safeParse(Object.fromEntries(set));
  if (result.success) return result.data;
  const names = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n  ${names.join('\n  ')}`);
}
