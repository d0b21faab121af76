import type { Assistant, HistoryStore } from '@org/ai-core';
import { createHandoffReporter, type HandoffNotifier } from '@org/handoff';
import { createMemoryRateLimiter, limitBody, notFound, wrapThrownValues } from '@org/runtime';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { createOperatorApi } from './handoff/operator-api';
import { type ClientIp, createClientIp } from './http/client-ip';
import { createErrorHandler } from './http/handle-error';
import { originPolicy } from './http/origins';
import { limitByIp, type RateLimits } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { createChatRoutes } from './routes/chat';
import { createHealthRoutes } from './routes/health';
import { createSessionRoutes } from './routes/sessions';
import type { Sessions } from './sessions';

/** Everything the app needs; `server.ts` builds the real ones, tests pass their own. */
export type AppDependencies = {
  /** The assistant; the app answers on its `chat` channel. */
  assistant: Assistant;
  /** The assistant's history store (read by `/chat/history`, pinged by `/readyz`). */
  history: HistoryStore;
  sessions: Sessions;
  logger: Logger;
  /** Browser origins allowed to call (`https://shop.example`, `http://localhost:*`). */
  corsOrigins: readonly string[];
  /**
   * Per-IP, per-session and operator API limits. Default: in-process, 60, 20 and 120 requests
   * a minute.
   */
  limits?: RateLimits;
  /**
   * Handing conversations to a person (the assistant decides, see `AssistantOptions.handoff`):
   * the operator API at `/operator` and the business's webhook. Default: both off.
   */
  handoff?: HandoffDependencies;
  /** How to find the client's address. Default: the socket's peer address. */
  clientIp?: ClientIp;
  /**
   * Aborted when the server stops waiting for turns in flight at shutdown: each ends with a 503
   * or an `error` event `shutting_down`, and the assistant keeps the visitor's message.
   */
  shutdown?: AbortSignal;
};

/** The app's side of handing conversations to a person. */
export type HandoffDependencies = {
  /** `OPERATOR_TOKEN`: the operator API's bearer token; without it `/operator` answers 404. */
  operatorToken?: string | undefined;
  /** Tells the business's webhook of handoffs and callback requests; without it, nobody is. */
  notifier?: HandoffNotifier | undefined;
};

/** The largest request body accepted, in bytes. */
export const maxBodyBytes = 16 * 1024;

/**
 * Default limits: per minute, 60 requests per IP, 20 turns per session and 120 operator API
 * requests per IP.
 */
export function createDefaultLimits(): Required<RateLimits> {
  return {
    ip: createMemoryRateLimiter({ limit: 60, windowMs: 60_000 }),
    session: createMemoryRateLimiter({ limit: 20, windowMs: 60_000 }),
    operator: defaultOperatorLimiter(),
  };
}

const defaultOperatorLimiter = () => createMemoryRateLimiter({ limit: 120, windowMs: 60_000 });

/**
 * The chat API as a Hono app: pure, nothing listens. Serve `app.fetch` with @hono/node-server
 * or call `app.request(...)` in tests.
 */
export function createApp(dependencies: AppDependencies) {
  // What the routes get: the dependencies with defaults applied.
  const limits = dependencies.limits ?? createDefaultLimits();
  const notifier = dependencies.handoff?.notifier;
  const report =
    notifier &&
    createHandoffReporter({ notifier, history: dependencies.history, logger: dependencies.logger });
  const deps = { ...dependencies, limits, report };
  const clientIp = dependencies.clientIp ?? createClientIp({ trustProxy: false });
  const limitIp = limitByIp(limits.ip, clientIp);

  return (
    new Hono()
      .use(requestId())
      .use(requestLog(dependencies.logger))
      .use(wrapThrownValues)
      .use(securityHeaders)
      .use(originPolicy(dependencies.corsOrigins))
      .use(limitBody(maxBodyBytes))
      // `/x/*` also matches `/x` itself.
      .use('/chat/*', limitIp)
      .use('/sessions/*', limitIp)
      .route('/', createHealthRoutes(deps))
      .route('/sessions', createSessionRoutes(deps))
      .route('/chat', createChatRoutes(deps))
      .route(
        '/operator',
        createOperatorApi({
          history: dependencies.history,
          token: dependencies.handoff?.operatorToken,
          limiter: limits.operator ?? defaultOperatorLimiter(),
          clientIp,
          logger: dependencies.logger,
        }),
      )
      .notFound(notFound)
      .onError(createErrorHandler(dependencies.logger))
  );
}

/** The app's type, for `hono/client`'s `hc<ChatApi>`. */
export type ChatApi = ReturnType<typeof createApp>;
