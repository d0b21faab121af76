import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const tooLarge = (c: Context) =>
  c.json({ error: { code: 'payload_too_large', message: 'Body too large' } }, 413);

/**
 * Refuses bodies over `maxBytes` with a JSON 413. A declared `Content-Length` (every VoIPBin
 * delivery has one) is checked from the header alone, leaving node-server on its fast path; only
 * a chunked body is counted as it streams in (hono/body-limit wraps it, halving throughput).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (!/^\d+$/.test(length) || Number(length) > maxBytes) return tooLarge(c);
      return next();
    }
    return counted(c, next);
  };
}
