import type { MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { type ClientIp, rateLimitKeyOf } from './client-ip';
import { apiError } from './handle-error';

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
