import { createHash, timingSafeEqual } from 'node:crypto';
import { jsonError } from '@org/runtime';
import type { Context } from 'hono';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether an `Authorization` header is `Bearer <token>`. Both tokens are hashed first, so the
 * comparison takes the same time whatever their lengths and contents.
 */
export function createTokenCheck(token: string): (header: string | undefined) => boolean {
  const expected = digest(token);
  return (header) => {
    const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}

/** The JSON 401 for a missing or wrong token. */
export function refuseToken(c: Context): Response {
  c.header('WWW-Authenticate', 'Bearer');
  return jsonError(c, 401, 'unauthorized', 'Send a valid operator token: Bearer <token>');
}
