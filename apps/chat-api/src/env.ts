import { handoffEnv, handoffEnvCheck } from '@org/handoff';
import {
  brainEnv,
  type EnvCheck,
  logEnv,
  parseEnv,
  upstashEnv,
  upstashEnvCheck,
} from '@org/runtime';
import { z } from 'zod';

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

// The brain, Upstash and LOG_LEVEL come from @org/runtime, the handoff variables from
// @org/handoff; the rest is chat-api's own.
const envSchema = z.object({
  ...brainEnv.shape,
  ...upstashEnv.shape,
  ...logEnv.shape,
  ...handoffEnv.shape,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).optional(),
  ALLOWED_ORIGINS: originList.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REPLY_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(30_000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_PER_SESSION: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_OPERATOR: z.coerce.number().int().positive().default(120),
  TRUST_PROXY: flag.default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

const sessionSecretInProduction: EnvCheck = (set) =>
  set.NODE_ENV === 'production' && set.SESSION_SECRET === undefined
    ? ['SESSION_SECRET: is required in production (at least 32 characters)']
    : [];

/** chat-api's configuration, validated. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment (an empty variable counts as unset). Throws an error
 * naming each bad variable and what is wrong with it; values are never included.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(envSchema, source, [upstashEnvCheck, handoffEnvCheck, sessionSecretInProduction]);
}

/** The process environment, for code that passes it on to a child (e.g. `server.test.ts`). */
export function processEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
