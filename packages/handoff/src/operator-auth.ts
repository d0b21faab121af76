import { createHash, timingSafeEqual } from 'node:crypto';
import { jsonError } from '@org/runtime';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Lets a request through only with `Authorization: Bearer <token>`; anything else gets a JSON
 * 401 `unauthorized` and goes no further. Both tokens are hashed first, so the comparison takes
 * the same time whatever their lengths and contents.
 */
export function requireBearerToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', 'Send a valid operator token: Bearer <token>');
    }
    await next();
  };
}
