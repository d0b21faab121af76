import { MemoryStore } from 'hono-rate-limiter';

/** The outcome of counting one request against a limit. */
export type RateLimitDecision =
  | { allowed: true }
  /** Refused: try again in `retryAfterSeconds` (at least 1). */
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts requests per key (an IP, a session, an operator) and says whether one more is allowed.
 * Implementations: {@link createMemoryRateLimiter}, `createUpstashRateLimiter` (`@org/upstash`).
 */
export type RateLimiter = {
  consume(key: string): Promise<RateLimitDecision>;
};

/** Options for {@link createMemoryRateLimiter}. */
export type MemoryRateLimiterOptions = {
  /** Requests allowed per key and window. */
  limit: number;
  /** The window, in ms. */
  windowMs: number;
};

/**
 * An in-process fixed-window limiter (hono-rate-limiter's `MemoryStore`): right for one
 * instance; several instances each count on their own.
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter {
  const store = new MemoryStore();
  store.init({ windowMs: options.windowMs } as Parameters<MemoryStore['init']>[0]);
  return {
    async consume(key) {
      const { totalHits, resetTime } = store.increment(key);
      if (totalHits <= options.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: secondsUntil(resetTime?.getTime()) };
    },
  };
}

/** A limiter that allows everything (benchmarks, trusted deployments behind another limiter). */
export const unlimited: RateLimiter = {
  consume: async () => ({ allowed: true }),
};

/** Whole seconds from now until `epochMs`, at least 1 (1 when unknown): a `Retry-After`. */
export function secondsUntil(epochMs: number | undefined): number {
  if (epochMs === undefined) return 1;
  return Math.max(1, Math.ceil((epochMs - Date.now()) / 1000));
}
