import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultKnowledgeDir = fileURLToPath(new URL('../../../knowledge', import.meta.url));

const originPattern = /^https?:\/\/[^/\s*]+(:\*)?$/;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
  )
  .refine((origins) => origins.every((origin) => originPattern.test(origin)), {
    message:
      'must be a comma-separated list of origins like https://shop.example or http://localhost:*',
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  ALLOWED_ORIGINS: originList.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  KNOWLEDGE_DIR: z.string().min(1).default(defaultKnowledgeDir),
  INSTRUCTIONS: z.string().min(1).optional(),
  REPLY_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(30_000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PER_SESSION: z.coerce.number().int().positive().default(20),
  TRUST_PROXY: flag.default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

/** Rules between variables, checked on the raw values so that every problem is reported at once. */
function crossIssues(set: Record<string, string>): string[] {
  const issues: string[] = [];
  const has = (name: string) => set[name] !== undefined;
  if (has('UPSTASH_REDIS_REST_URL') && !has('UPSTASH_REDIS_REST_TOKEN')) {
    issues.push('UPSTASH_REDIS_REST_TOKEN: is required when UPSTASH_REDIS_REST_URL is set');
  }
  if (has('UPSTASH_REDIS_REST_TOKEN') && !has('UPSTASH_REDIS_REST_URL')) {
    issues.push('UPSTASH_REDIS_REST_URL: is required when UPSTASH_REDIS_REST_TOKEN is set');
  }
  if (set.NODE_ENV === 'production' && !has('SESSION_SECRET')) {
    issues.push('SESSION_SECRET: is required in production (at least 32 characters)');
  }
  return issues;
}

/** chat-api's configuration, validated. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment (an empty variable counts as unset). Throws an error
 * naming each bad variable and what is wrong with it; values are never included.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') set[name] = value;
  }
  const result = envSchema.safeParse(set);
  const lines = [
    ...(result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    ...crossIssues(set),
  ];
  if (result.success && lines.length === 0) return result.data;
  throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
}
