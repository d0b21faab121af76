import { AiCoreError } from '@org/ai-core';
import {
  apiFailureOf,
  createErrorHandler as createJsonErrorHandler,
  type HttpFailure,
  apiError as httpApiError,
  toErrorBody as toHttpErrorBody,
} from '@org/runtime';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatApiErrorBody, ChatApiErrorCode } from '../protocol';

/** An error as the client sees it, plus what the server needs to answer and log it. */
export type ApiFailure = HttpFailure & { code: ChatApiErrorCode };

/** How long a client should wait before retrying after the model or the store failed. */
export const serviceRetryAfterSeconds = 5;

/**
 * An error the routes throw for the client: @org/runtime's `apiError`, its code one of the chat
 * wire's; mapped to JSON by {@link createErrorHandler}.
 */
export function apiError(
  status: ContentfulStatusCode,
  code: ChatApiErrorCode,
  message: string,
  options: { field?: string; retryAfterSeconds?: number } = {},
): HTTPException {
  return httpApiError(status, code, message, options);
}

// The assistant's input fields, as the client named them.
const clientFields: Record<string, string> = { text: 'message', conversationId: 'session_id' };

// The ai-core failures a client may retry, each a 503 under the same code.
const aiCoreFailures = {
  model_unavailable: 'The assistant is unavailable right now; please try again shortly.',
  model_timeout: 'The assistant took too long to answer; please try again shortly.',
  rate_limited: 'The assistant is busy right now; please try again shortly.',
  history_unavailable: 'The conversation store is unavailable; please try again shortly.',
} satisfies Partial<Record<AiCoreError['code'] & ChatApiErrorCode, string>>;

const isServiceFailure = (code: AiCoreError['code']): code is keyof typeof aiCoreFailures =>
  Object.hasOwn(aiCoreFailures, code);

const genericStatusCodes: Record<number, ChatApiErrorCode> = {
  400: 'invalid_json',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const internal: ApiFailure = {
  status: 500,
  code: 'internal_error',
  message: 'Something went wrong on our side.',
};

/** Maps any error to what the client gets. Unknown errors become a generic 500. */
export function toApiFailure(error: unknown): ApiFailure {
  // Thrown through `apiError` (here, or @org/runtime's body limit): its code is the wire's.
  const own = apiFailureOf(error);
  if (own) return own as ApiFailure;
  if (error instanceof HTTPException) {
    if (error.status >= 500) return internal;
    const code = genericStatusCodes[error.status] ?? 'bad_request';
    return { status: error.status as ContentfulStatusCode, code, message: error.message };
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    const message = field ? `${field}: ${issue?.message}` : 'The body must be a JSON object';
    return { status: 400, code: 'invalid_input', message, ...(field ? { field } : {}) };
  }
  if (AiCoreError.isInstance(error)) {
    if (error.code === 'invalid_input') {
      const field = error.field ? (clientFields[error.field] ?? error.field) : undefined;
      const message = field ? `${field}: invalid` : 'Invalid input';
      return { status: 400, code: 'invalid_input', message, ...(field ? { field } : {}) };
    }
    if (isServiceFailure(error.code)) {
      const message = aiCoreFailures[error.code];
      return {
        status: 503,
        code: error.code,
        message,
        retryAfterSeconds: serviceRetryAfterSeconds,
      };
    }
  }
  return internal;
}

/** The body a failure is sent with. */
export function toErrorBody(failure: ApiFailure): ChatApiErrorBody {
  return toHttpErrorBody(failure) as ChatApiErrorBody;
}

// Logging a failure, sending it and the JSON 404 are @org/runtime's; the routes log through here.
export { logFailure } from '@org/runtime';

// nginx's convention for "the client went away"; nobody receives this response.
const clientGone: ApiFailure = {
  status: 499 as ContentfulStatusCode,
  code: 'client_closed_request',
  message: 'The client closed the request',
};

const shuttingDown: ApiFailure = {
  status: 503,
  code: 'shutting_down',
  message: 'The server is restarting; please try again shortly.',
  retryAfterSeconds: serviceRetryAfterSeconds,
};

/** What node's `ServerResponse` offers (`c.env.outgoing` under @hono/node-server). */
type ClosingResponse = { once(event: 'close', listener: () => void): unknown };

/** A request's turn signal, and `release` to call once the turn is over. */
export type TurnSignal = { signal: AbortSignal; release: () => void };

/**
 * A signal for one request's turn, with an `Error` reason (node-server aborts the request with a
 * string, which Hono's `onError` would never see): it aborts when the client goes away (or `left`
 * aborts), and when the server is shutting down (then as a 503 `shutting_down`). `release`
 * removes its listeners from the long-lived signals (the shutdown signal would otherwise gather
 * one per request served).
 */
export function clientSignal(
  c: Context,
  options: { left?: AbortSignal | undefined; shutdown?: AbortSignal | undefined } = {},
): TurnSignal {
  const controller = new AbortController();
  const removers: (() => void)[] = [];
  let released = false;
  const abortWith = (failure: ApiFailure) => () => {
    if (released || controller.signal.aborted) return;
    controller.abort(
      apiError(failure.status, failure.code, failure.message, {
        ...(failure.retryAfterSeconds ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
      }),
    );
  };
  const on = (signal: AbortSignal | undefined, failure: ApiFailure) => {
    if (!signal) return;
    const abort = abortWith(failure);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    removers.push(() => signal.removeEventListener('abort', abort));
  };
  // Under @hono/node-server, the response's `close` says the same as the request's signal
  // without building an AbortController for it on every request. (After a complete response
  // it comes once the turn is released, and does nothing.)
  const outgoing = (c.env as { outgoing?: ClosingResponse } | undefined)?.outgoing;
  if (typeof outgoing?.once === 'function') outgoing.once('close', abortWith(clientGone));
  else on(c.req.raw.signal, clientGone);
  on(options.left, clientGone);
  on(options.shutdown, shuttingDown);
  return {
    signal: controller.signal,
    release: () => {
      released = true;
      for (const remove of removers.splice(0)) remove();
    },
  };
}

/** The app's `onError`: every error becomes a JSON response, never an HTML page. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return createJsonErrorHandler({ logger, toFailure: toApiFailure });
}
