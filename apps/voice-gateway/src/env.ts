import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultVoipbinApiUrl } from './voipbin/client';

const defaultKnowledgeDir = fileURLToPath(new URL('../../../knowledge', import.meta.url));
const milliseconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3002),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z
      .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
      .default('info'),
    VOIPBIN_API_URL: z.url().default(defaultVoipbinApiUrl),
    VOIPBIN_ACCESS_KEY: z.string().min(1).optional(),
    VOIPBIN_WEBHOOK_SECRET: z.string().min(1).optional(),
    VOIPBIN_FETCH_SECRET: z.string().min(16).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    KNOWLEDGE_DIR: z.string().min(1).default(defaultKnowledgeDir),
    INSTRUCTIONS: z.string().min(1).optional(),
    GREETING: z.string().min(1).optional(),
    FALLBACK_TEXT: z.string().min(1).optional(),
    LANGUAGE: z.string().min(2).default('en-US'),
    TTS_PROVIDER: z.string().min(1).optional(),
    TTS_VOICE_ID: z.string().min(1).optional(),
    QUIET_MS: milliseconds(600),
    REPLY_BUDGET_MS: milliseconds(2500),
  })
  .refine((env) => !env.UPSTASH_REDIS_REST_URL === !env.UPSTASH_REDIS_REST_TOKEN, {
    message: 'set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither',
    path: ['UPSTASH_REDIS_REST_TOKEN'],
  });

/** The gateway's configuration. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment (the only place that does). Empty variables count as
 * unset; an invalid one throws naming every bad key, never a value.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const set = Object.entries(source).filter(([, value]) => value !== undefined && value !== '');
  const result = envSchema.safeParse(Object.fromEntries(set));
  if (result.success) return result.data;
  const names = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n  ${names.join('\n  ')}`);
}

/** The process environment, for entry points that pass parts of it on (e.g. `pnpm call`). */
export function processEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
