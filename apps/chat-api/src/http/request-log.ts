import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * Logs one line per request: request id, method, path (no query: it may hold a session id),
 * status and duration. Never bodies or message contents.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      },
      'request',
    );
  };
}
