import { type RateLimiter, secondsUntil } from '@org/runtime';
import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';

/** Options for {@link createUpstashRateLimiter}. */
export type UpstashRateLimiterOptions = {
  redis: Redis;
  /** Requests allowed per key and window. */
  limit: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** Key prefix in Redis; one per limiter (e.g. `chat-api:ip`). */
  prefix: string;
  /** Told when Redis fails (the request is then allowed), e.g. to log it. */
  onError?: (error: unknown) => void;
};

/**
 * `@org/runtime`'s `RateLimiter` as a sliding window in Upstash Redis (@upstash/ratelimit), shared
 * by every instance.
 * When Redis cannot be reached the request is allowed: the limiter protects the service, it
 * must not take it down.
 */
export function createUpstashRateLimiter(options: UpstashRateLimiterOptions): RateLimiter {
  const ratelimit = new Ratelimit({
    redis: options.redis,
    limiter: Ratelimit.slidingWindow(options.limit, `${options.windowSeconds} s`),
    prefix: options.prefix,
    analytics: false,
  });
  return {
    async consume(key) {
      try {
        const { success, reset } = await ratelimit.limit(key);
        return success
          ? { allowed: true }
          : { allowed: false, retryAfterSeconds: secondsUntil(reset) };
      } catch (error) {
        options.onError?.(error);
        return { allowed: true };
      }
    },
  };
}
