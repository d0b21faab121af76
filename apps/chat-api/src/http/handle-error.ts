import { AiCoreError } from '@org/ai-core';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { z } from 'zod';

/** The JSON body of every error response. */
export type ApiErrorBody = { error: { code: string; message: string; field?: string } };

/** An error as the client sees it, plus what the server needs to answer and log it. */
export type ApiFailure = {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  field?: string;
  retryAfterSeconds?: number;
};

type Details = { code: string; field?: string; retryAfterSeconds?: number };

const detailsOf = new WeakMap<HTTPException, Details>();

/** How long a client should wait before retrying after the model or the store failed. */
export const serviceRetryAfterSeconds = 5;

/** An error the routes throw for the client: mapped to JSON by {@link createErrorHandler}. */
export function apiError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  options: { field?: string; retryAfterSeconds?: number } = {},
): HTTPException {
  const exception = new HTTPException(status, { message });
  detailsOf.set(exception, { code, ...options });
  return exception;
}

// The assistant's input fields, as the client named them.
const clientFields: Record<string, string> = { text: 'message', conversationId: 'session_id' };

const aiCoreFailures: Partial<Record<AiCoreError['code'], [ContentfulStatusCode, string]>> = {
  model_unavailable: [503, 'The assistant is unavailable right now; please try again shortly.'],
  model_timeout: [503, 'The assistant took too long to answer; please try again shortly.'],
  rate_limited: [503, 'The assistant is busy right now; please try again shortly.'],
  history_unavailable: [503, 'The conversation store is unavailable; please try again shortly.'],
};

const genericStatusCodes: Record<number, string> = {
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
  if (error instanceof HTTPException) {
    const details = detailsOf.get(error);
    if (details)
      return { status: error.status as ContentfulStatusCode, message: error.message, ...details };
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
    const known = aiCoreFailures[error.code];
    if (known) {
      const [status, message] = known;
      return { status, code: error.code, message, retryAfterSeconds: serviceRetryAfterSeconds };
    }
  }
  return internal;
}

/** The body a failure is sent with. */
export function toErrorBody(failure: ApiFailure): ApiErrorBody {
  const { code, message, field } = failure;
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** Logs a failure once: 5xx with the error, client errors at debug only. */
export function logFailure(logger: Logger, requestId: string, failure: ApiFailure, error: unknown) {
  if (failure.status === 500) logger.error({ reqId: requestId, err: error }, 'request failed');
  else if (failure.status >= 500) {
    logger.warn({ reqId: requestId, code: failure.code, err: error }, 'service unavailable');
  } else logger.debug({ reqId: requestId, code: failure.code }, 'client error');
}

/** Sends a failure as JSON, with `Retry-After` when the client should come back later. */
export function sendFailure(c: Context, failure: ApiFailure): Response {
  if (failure.retryAfterSeconds !== undefined) {
    c.header('Retry-After', String(failure.retryAfterSeconds));
  }
  return c.json(toErrorBody(failure), failure.status);
}

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
  return (error, c) => {
    const failure = c.req.raw.signal.aborted ? clientGone : toApiFailure(error);
    logFailure(logger, c.get('requestId') ?? 'unknown', failure, error);
    return sendFailure(c, failure);
  };
}

/** Turns a thrown non-`Error` (a string abort reason…) into an `Error`, which `onError` handles. */
export const wrapThrownValues: MiddlewareHandler = async (_c, next) => {
  try {
    await next();
  } catch (error) {
    throw error instanceof Error ? error : new Error(String(error), { cause: error });
  }
};

/** The app's `notFound`: a JSON 404. */
export const notFound: NotFoundHandler = (c) =>
  sendFailure(c, {
    status: 404,
    code: 'not_found',
    message: `No route for ${c.req.method} ${c.req.path}`,
  });
