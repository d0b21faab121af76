import { z } from 'zod';
import { type EnvCheck, requiredTogether } from './parse-env';

/**
 * Upstash Redis (history, rate limits, call state shared by every instance). Spread its `shape`
 * into an app's schema and pass {@link upstashEnvCheck} to `parseEnv`.
 */
export const upstashEnv = z.object({
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
});

/** The Upstash variables, validated. */
export type UpstashEnv = z.infer<typeof upstashEnv>;

/** Both Upstash variables, or neither. */
export const upstashEnvCheck: EnvCheck = requiredTogether(
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
);
