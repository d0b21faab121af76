import type { RateLimiter } from '@org/runtime';
import type { MiddlewareHandler } from 'hono';
import { type ClientIp, rateLimitKeyOf } from './client-ip';
import { apiError } from './handle-error';

/** The limiters the app applies: per client IP, per session, and the operator API's per IP. */
export type RateLimits = {
  ip: RateLimiter;
  session: RateLimiter;
  /** The operator API's own limit (`/operator`), counted per client IP. */
  operator?: RateLimiter;
};

/** Counts one request for `key`; throws a 429 (with its `Retry-After`) when over the limit. */
export async function enforceLimit(limiter: RateLimiter, key: string): Promise<void> {
  const decision = await limiter.consume(key);
  if (!decision.allowed) {
    throw apiError(429, 'rate_limited', 'Too many requests; please slow down.', {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}

/** Middleware: the per-IP limit. */
export function limitByIp(limiter: RateLimiter, clientIp: ClientIp): MiddlewareHandler {
  return async (c, next) => {
    await enforceLimit(limiter, `ip:${rateLimitKeyOf(clientIp(c))}`);
    await next();
  };
}
