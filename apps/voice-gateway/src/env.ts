import { handoffEnv, handoffEnvCheck } from '@org/handoff';
import { brainEnv, logEnv, parseEnv, upstashEnv, upstashEnvCheck } from '@org/runtime';
import { defaultVoipbinApiUrl } from '@org/voipbin';
import { z } from 'zod';

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

// The brain, Upstash and LOG_LEVEL come from @org/runtime, the handoff variables (webhook,
// OPERATOR_TOKEN, opening hours) from @org/handoff; the rest is the gateway's own.
const envSchema = z.object({
  ...brainEnv.shape,
  ...upstashEnv.shape,
  ...logEnv.shape,
  ...handoffEnv.shape,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3002),
  HOST: z.string().min(1).default('0.0.0.0'),
  VOIPBIN_API_URL: z.url().default(defaultVoipbinApiUrl),
  VOIPBIN_ACCESS_KEY: z.string().min(1).optional(),
  VOIPBIN_WEBHOOK_SECRET: z.string().min(1).optional(),
  VOIPBIN_FETCH_SECRET: z.string().min(16).optional(),
  GREETING: z.string().min(1).optional(),
  FALLBACK_TEXT: z.string().min(1).optional(),
  SMS_FALLBACK_TEXT: z.string().min(1).optional(),
  LANGUAGE: z.string().min(2).default('en-US'),
  TTS_PROVIDER: z.string().min(1).optional(),
  TTS_VOICE_ID: z.string().min(1).optional(),
  QUIET_MS: milliseconds(600),
  QUIET_COMPLETE_MS: milliseconds(300),
  QUIET_TRAILING_MS: milliseconds(1500),
  FILLER_AFTER_MS: milliseconds(1200),
  REPLY_BUDGET_MS: milliseconds(2500),
  // Phone handoff (issue 11): the person a call is put through to; unset = nobody is dialed.
  HANDOFF_PHONE_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +15551234567')
    .optional(),
});

/** The gateway's configuration. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment (the only place that does). Empty variables count as
 * unset; an invalid one throws naming every bad key, never a value.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(envSchema, source, [upstashEnvCheck, handoffEnvCheck]);
}

/** The process environment, for entry points that pass parts of it on (e.g. `pnpm call`). */
export function processEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
