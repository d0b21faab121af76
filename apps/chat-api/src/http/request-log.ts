import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by a route that streams its body: settles when the stream has ended. */
    streamEnded: Promise<void>;
  }
}

/**
 * Logs one line per request: request id, method, path (no query: it may hold a session id),
 * status and duration. Never bodies or message contents. A streamed response is logged when
 * its stream ends, so its duration is the whole answer's and the logging is not in the way of
 * its first token.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const log = () =>
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
    const streamEnded = c.get('streamEnded');
    if (streamEnded) void streamEnded.then(log);
    else log();
  };
}
