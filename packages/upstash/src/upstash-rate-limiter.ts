import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';

/** The outcome of counting one request against a limit. */
export type UpstashRateLimitDecision =
  | { allowed: true }
  /** Refused: try again in `retryAfterSeconds` (at least 1). */
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts requests per key (an IP, a session) and says whether one more is allowed: the shape of
 * chat-api's `RateLimiter` port, which chat-api checks by assigning this to it.
 */
export type UpstashRateLimiter = {
  consume(key: string): Promise<UpstashRateLimitDecision>;
};

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
 * A sliding-window limiter in Upstash Redis (@upstash/ratelimit), shared by every instance.
 * When Redis cannot be reached the request is allowed: the limiter protects the service, it
 * must not take it down.
 */
export function createUpstashRateLimiter(options: UpstashRateLimiterOptions): UpstashRateLimiter {
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

/** Whole seconds from now until `epochMs`, at least 1. */
function secondsUntil(epochMs: number): number {
  return Math.max(1, Math.ceil((epochMs - Date.now()) / 1000));
}
