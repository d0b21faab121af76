import type { MiddlewareHandler } from 'hono';

// The hono/secure-headers defaults that matter for a JSON API (the ones for old browsers, Flash
// and HTML pages are left out), plus a CSP and no-store: history is private.
const headers: readonly [string, string][] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cache-Control', 'no-store'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * Security headers on every response, set before the route runs. (hono/secure-headers sets
 * them after, on the finished response, which pushes @hono/node-server off its fast path:
 * measured at 40% fewer requests per second.)
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of headers) c.header(name, value);
  await next();
};
