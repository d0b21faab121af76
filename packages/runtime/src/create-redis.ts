import { Redis } from '@upstash/redis';
import type { UpstashEnv } from './upstash-env';

/**
 * The Upstash Redis client the environment describes, or `undefined` when Upstash is not
 * configured. Build every Upstash adapter of an app (history, rate limits, state) from this one
 * client.
 */
export function createRedis(env: Partial<UpstashEnv>): Redis | undefined {
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  return url && token ? new Redis({ url, token }) : undefined;
}
