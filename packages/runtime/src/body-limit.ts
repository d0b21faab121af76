import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error';

/**
 * Refuses bodies over `maxBytes` with a JSON 413 `payload_too_large` (an {@link apiError}). A
 * declared `Content-Length` is checked from the header alone, leaving node-server on its fast
 * path; only a chunked body is counted as it streams in (hono/body-limit wraps it, halving
 * throughput). A GET or HEAD without a body passes untouched.
 *
 * @example
 * ```ts
 * app.use('/voipbin/*', limitBody(256 * 1024));
 * ```
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw apiError(413, 'payload_too_large', `The body may be at most ${maxBytes} bytes`);
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    const chunked = c.req.header('Transfer-Encoding') !== undefined;
    if (!chunked && length !== undefined) {
      if (!/^\d+$/.test(length) || Number(length) > maxBytes) tooLarge();
      return next();
    }
    if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return counted(c, next);
  };
}
