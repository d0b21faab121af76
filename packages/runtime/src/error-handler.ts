import type { ErrorHandler, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { RequestIdVariables } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { apiFailureOf } from './api-error';
import { type HttpFailure, sendFailure } from './json-error';
import type { Logger } from './logger';

/** Codes of the statuses Hono and its middleware throw without one. */
const statusCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Anything unexpected: details are logged, never sent. */
export const internalFailure: HttpFailure = {
  status: 500,
  code: 'internal_error',
  message: 'Something went wrong on our side.',
};

/** nginx's convention for "the client went away"; nobody receives this response. */
export const clientClosedRequest: HttpFailure = {
  status: 499 as ContentfulStatusCode,
  code: 'client_closed_request',
  message: 'The client closed the request',
};

/**
 * What the client gets for any error: an {@link apiError}'s own failure, an `HTTPException`'s
 * status with a code for it (`codes` overrides the defaults, e.g. `{ 400: 'invalid_json' }`),
 * else a generic 500.
 */
export function toHttpFailure(
  error: unknown,
  codes: Readonly<Record<number, string>> = {},
): HttpFailure {
  const failure = apiFailureOf(error);
  if (failure) return failure;
  if (!(error instanceof HTTPException) || error.status >= 500) return internalFailure;
  return {
    status: error.status as ContentfulStatusCode,
    code: codes[error.status] ?? statusCodes[error.status] ?? 'bad_request',
    message: error.message,
  };
}

/** Logs a failure once: a 500 with the error, other 5xx as warnings, client errors at debug. */
export function logFailure(
  logger: Logger,
  requestId: string,
  failure: HttpFailure,
  error: unknown,
): void {
  if (failure.status === 500) logger.error({ reqId: requestId, err: error }, 'request failed');
  else if (failure.status >= 500) {
    logger.warn({ reqId: requestId, code: failure.code, err: error }, 'service unavailable');
  } else logger.debug({ reqId: requestId, code: failure.code }, 'client error');
}

/** Options for {@link createErrorHandler}. */
export type ErrorHandlerOptions = {
  logger: Logger;
  /** The app's mapping (e.g. its domain errors); default {@link toHttpFailure}. */
  toFailure?: (error: unknown) => HttpFailure;
};

/**
 * An app's `onError`: every error becomes a JSON response, never an HTML page, logged once with
 * the request id (hono/request-id). An error after the client went away is a 499.
 *
 * @example
 * ```ts
 * new Hono().use(requestId()).notFound(notFound).onError(createErrorHandler({ logger }));
 * ```
 */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorHandler {
  const toFailure = options.toFailure ?? ((error: unknown) => toHttpFailure(error));
  return (error, c) => {
    const failure = c.req.raw.signal.aborted ? clientClosedRequest : toFailure(error);
    const requestId = (c.var as Partial<RequestIdVariables>).requestId ?? 'unknown';
    logFailure(options.logger, requestId, failure, error);
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
