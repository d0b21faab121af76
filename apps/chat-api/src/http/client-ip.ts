import type { Context } from 'hono';

/** Finds the address a request came from, the key of the per-IP rate limit. */
export type ClientIp = (c: Context) => string;

/**
 * The client's IP: the socket's peer address, or with `trustProxy` (one reverse proxy in front)
 * the last `X-Forwarded-For` entry, the one that proxy appended. `unknown` when neither exists
 * (e.g. in `app.request` tests).
 */
export function createClientIp(options: { trustProxy: boolean }): ClientIp {
  return (c) => {
    if (options.trustProxy) {
      const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return env?.incoming?.socket?.remoteAddress ?? 'unknown';
  };
}
