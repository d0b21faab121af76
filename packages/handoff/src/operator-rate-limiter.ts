/** The outcome of counting one request against a limit. */
export type OperatorRateLimitDecision =
  | { allowed: true }
  /** Refused: try again in `retryAfterSeconds` (at least 1). */
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts requests per key and says whether one more is allowed: the shape of chat-api's
 * `RateLimiter` port, so `@org/upstash`'s `createUpstashRateLimiter` fits (shared by every
 * instance of the app).
 */
export type OperatorRateLimiter = {
  consume(key: string): Promise<OperatorRateLimitDecision>;
};

/** Options for {@link createMemoryOperatorRateLimiter}. */
export type MemoryOperatorRateLimiterOptions = {
  /** Requests allowed per key and window. */
  limit: number;
  /** The window, in ms. */
  windowMs: number;
  /** Now, in ms. Default `Date.now`. */
  now?: () => number;
};

/**
 * An in-process fixed-window limiter, the operator API's default: right for one instance; with
 * several, each counts on its own.
 */
export function createMemoryOperatorRateLimiter(
  options: MemoryOperatorRateLimiterOptions,
): OperatorRateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweepAt = 0;
  return {
    async consume(key) {
      const at = now();
      if (at >= sweepAt) {
        // Forget ended windows once a window, so keys seen once do not pile up.
        for (const [other, { endsAt }] of windows) if (endsAt <= at) windows.delete(other);
        sweepAt = at + options.windowMs;
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        window = { count: 0, endsAt: at + options.windowMs };
        windows.set(key, window);
      }
      window.count++;
      if (window.count <= options.limit) return { allowed: true };
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - at) / 1000)),
      };
    },
  };
}
