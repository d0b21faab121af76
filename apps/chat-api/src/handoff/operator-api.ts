import { createHandoffDesk, type HistoryStore } from '@org/ai-core';
import { createOperatorRoutes } from '@org/handoff';
import type { RateLimiter } from '@org/runtime';
import type { Logger } from 'pino';
import { type ClientIp, rateLimitKeyOf } from '../http/client-ip';

/** What {@link createOperatorApi} needs. */
export type OperatorApiDependencies = {
  /** The assistant's history store: operators read and answer the same conversations. */
  history: HistoryStore;
  /** `OPERATOR_TOKEN`; `undefined` turns the API off (every route a JSON 404). */
  token: string | undefined;
  /** Counted per client IP (IPv6: per /64), before the token is checked. */
  limiter: RateLimiter;
  clientIp: ClientIp;
  logger: Logger;
};

/**
 * `@org/handoff`'s operator API for the web chat's conversations, mounted at `/operator`. An
 * operator's message is stored in the conversation's history, which is how it reaches the
 * visitor: the widget polls `GET /chat/history` while a person has the conversation.
 */
export function createOperatorApi(deps: OperatorApiDependencies) {
  return createOperatorRoutes({
    desk: createHandoffDesk({ history: deps.history }),
    token: deps.token,
    channels: ['chat'],
    rateLimiter: deps.limiter,
    rateLimitKey: (c) => `operator:${rateLimitKeyOf(deps.clientIp(c))}`,
    // Stored is delivered: the widget fetches it.
    deliver: () => {},
    logger: deps.logger,
  });
}
