import type { Context, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error response of every app. */
export type ErrorBody = { error: { code: string; message: string; field?: string } };

/** An error as the client sees it, plus what the server needs to answer it. */
export type HttpFailure = {
  status: ContentfulStatusCode;
  /** Machine-readable, snake_case: `not_found`, `payload_too_large`. */
  code: string;
  /** For people; never internals. */
  message: string;
  /** The input field at fault, when there is one. */
  field?: string;
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
};

/** The body a failure is sent with. */
export function toErrorBody(failure: HttpFailure): ErrorBody {
  const { code, message, field } = failure;
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** Sends a failure as JSON, with `Retry-After` when the client should come back later. */
export function sendFailure(c: Context, failure: HttpFailure): Response {
  if (failure.retryAfterSeconds !== undefined) {
    c.header('Retry-After', String(failure.retryAfterSeconds));
  }
  return c.json(toErrorBody(failure), failure.status);
}

/**
 * Answers `{ error: { code, message } }` with `status`.
 *
 * @example
 * ```ts
 * app.get('/calls/:id', (c) => jsonError(c, 404, 'call_not_found', 'No such call'));
 * ```
 */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return sendFailure(c, { status, code, message });
}

/** An app's `notFound`: a JSON 404 naming the method and path. */
export const notFound: NotFoundHandler = (c) =>
  jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`);
