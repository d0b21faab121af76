import { zValidator } from '@hono/zod-validator';
import { AiCoreError, type Handoff, type HandoffDesk, type HistoryMessage } from '@org/ai-core';
import {
  apiError,
  createErrorHandler,
  createMemoryRateLimiter,
  type HttpFailure,
  jsonError,
  type Logger,
  limitBody,
  type RateLimiter,
  toHttpFailure,
} from '@org/runtime';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { createTokenCheck, refuseToken } from './operator-auth';
import {
  conversationParamSchema,
  readQuerySchema,
  rejectInvalid,
  replyBodySchema,
} from './operator-input';

/**
 * Sends an operator's stored message to the customer (the widget's poll, an SMS…). It must send
 * each stored message once: a repeat of the same `messageId` hands it the same message again
 * (e.g. to retry one that certainly failed).
 */
export type DeliverOperatorMessage = (
  conversationId: string,
  message: HistoryMessage,
  handoff: Handoff,
) => Promise<void> | void;

/** What {@link createOperatorRoutes} needs. */
export type OperatorRouteDependencies = {
  desk: HandoffDesk;
  /** The bearer token (`OPERATOR_TOKEN`); `undefined` turns the API off (every route a 404). */
  token: string | undefined;
  /** The channels this app answers on: only their conversations are listed and reachable. */
  channels: readonly string[];
  deliver: DeliverOperatorMessage;
  logger: Logger;
  /**
   * Default: in-process, 120 requests a minute per key; requests with a wrong token are counted
   * under `unauthorized:<key>`, apart from the operator's.
   */
  rateLimiter?: RateLimiter;
  /** The key requests are counted under (e.g. the client's address). Default one for all. */
  rateLimitKey?: (c: Context) => string;
};

/** The largest request body accepted, in bytes. */
export const maxOperatorBodyBytes = 32 * 1024;

/**
 * The operator API, to mount at `/operator`: `GET /conversations`, `GET /conversations/:id`,
 * `POST /conversations/:id/messages` and `POST /conversations/:id/release`. Every error is a JSON
 * `{ error: { code, message } }`: 401 without the token, 429 over the rate limit, 400 for a bad
 * body, 404 for a conversation unknown or on another channel, 409 `not_handed_off`.
 *
 * @example
 * ```ts
 * app.route('/operator', createOperatorRoutes({
 *   desk: createHandoffDesk({ history }), token: env.OPERATOR_TOKEN, channels: ['chat'], logger,
 *   deliver: (conversationId, message) => widgetFeed.push(conversationId, message),
 * }));
 * ```
 */
export function createOperatorRoutes(deps: OperatorRouteDependencies) {
  const { desk, logger } = deps;
  const channels = new Set(deps.channels);
  const limiter = deps.rateLimiter ?? createMemoryRateLimiter({ limit: 120, windowMs: 60_000 });
  const keyOf = deps.rateLimitKey ?? (() => 'operator');

  const hasToken = deps.token === undefined ? undefined : createTokenCheck(deps.token);
  // Requests with a wrong token are counted apart from the operator's, so that guessing tokens
  // is slowed down without a flood of forged requests locking the real operator out.
  const gate: MiddlewareHandler = async (c, next) => {
    if (!hasToken) return jsonError(c, 404, 'not_found', 'The operator API is not enabled');
    const authorized = hasToken(c.req.header('Authorization'));
    const decision = await limiter.consume(authorized ? keyOf(c) : `unauthorized:${keyOf(c)}`);
    if (!decision.allowed) {
      const { retryAfterSeconds } = decision;
      throw apiError(429, 'rate_limited', 'Too many requests; slow down.', { retryAfterSeconds });
    }
    if (!authorized) return refuseToken(c);
    await next();
  };

  /** The conversation, when it is on one of `channels` (by its handoff, else its messages). */
  async function find(conversationId: string, limit?: number) {
    const conversation = await desk.read(conversationId, limit ? { limit } : undefined);
    const channel =
      conversation.handoff?.channel ??
      conversation.messages.findLast((message) => message.channel !== undefined)?.channel;
    if (channel === undefined || !channels.has(channel)) {
      throw apiError(404, 'conversation_not_found', 'No such conversation on this channel');
    }
    return conversation;
  }

  return new Hono()
    .use(gate)
    .use(limitBody(maxOperatorBodyBytes))
    .get('/conversations', async (c) =>
      c.json({ conversations: await desk.list({ channels: deps.channels }) }),
    )
    .get(
      '/conversations/:id',
      zValidator('param', conversationParamSchema, rejectInvalid),
      zValidator('query', readQuerySchema, rejectInvalid),
      async (c) => {
        const { id } = c.req.valid('param');
        const { handoff, messages } = await find(id, c.req.valid('query').limit);
        return c.json({ conversationId: id, handoff: handoff ?? null, messages });
      },
    )
    .post(
      '/conversations/:id/messages',
      zValidator('param', conversationParamSchema, rejectInvalid),
      zValidator('json', replyBodySchema, rejectInvalid),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        await find(id);
        // The desk refuses a conversation that is not handed off: a 409 `not_handed_off`.
        const { message, handoff, replayed } = await desk.reply(id, body);
        // A repeat is handed to `deliver` again with the message stored the first time: a
        // deliverer sends each stored message once, so this only sends one that certainly
        // failed before (a 502), never one that may have landed.
        try {
          await deps.deliver(id, message, handoff);
        } catch (error) {
          logger.error({ err: error, conversationId: id }, 'operator message not delivered');
          throw apiError(
            502,
            'delivery_failed',
            'The message was stored but could not be sent to the customer',
          );
        }
        if (replayed) return c.json({ message, handoff }, 200);
        logger.info({ conversationId: id, operator: body.operator }, 'operator replied');
        return c.json({ message, handoff }, 201);
      },
    )
    .post(
      '/conversations/:id/release',
      zValidator('param', conversationParamSchema, rejectInvalid),
      async (c) => {
        const { id } = c.req.valid('param');
        await find(id);
        await desk.release(id);
        logger.info({ conversationId: id }, 'conversation released to the assistant');
        return c.json({ conversationId: id, released: true }, 200);
      },
    )
    .onError(createErrorHandler({ logger, toFailure: toOperatorFailure }));
}

/** The operator API's type, for `hono/client`. */
export type OperatorRoutes = ReturnType<typeof createOperatorRoutes>;

/** The desk's errors as HTTP failures; everything else as @org/runtime maps it. */
function toOperatorFailure(error: unknown): HttpFailure {
  if (AiCoreError.isInstance(error)) {
    if (error.code === 'not_handed_off') {
      return { status: 409, code: 'not_handed_off', message: 'The conversation is not handed off' };
    }
    if (error.code === 'invalid_input') {
      return { status: 400, code: 'invalid_input', message: error.message };
    }
    if (error.isRetryable) {
      return {
        status: 503,
        code: 'service_unavailable',
        message: 'The conversation store is unavailable; try again shortly.',
        retryAfterSeconds: 5,
      };
    }
  }
  return toHttpFailure(error, { 400: 'invalid_json' });
}
