import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type HttpFailure, toErrorBody } from './json-error';

type Details = Pick<HttpFailure, 'code' | 'field' | 'retryAfterSeconds'>;

const detailsOf = new WeakMap<HTTPException, Details>();

/**
 * An error to throw for the client: `createErrorHandler` answers it as `{ error: { code, message } }`
 * with `status` (and so does Hono's default handler, from the exception's response).
 *
 * @example
 * ```ts
 * if (!session) throw apiError(403, 'invalid_session', 'Unknown session', { field: 'session_id' });
 * ```
 */
export function apiError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  options: { field?: string; retryAfterSeconds?: number } = {},
): HTTPException {
  const failure: HttpFailure = { status, code, message, ...options };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(options.retryAfterSeconds);
  }
  const res = new Response(JSON.stringify(toErrorBody(failure)), { status, headers });
  const exception = new HTTPException(status, { message, res });
  detailsOf.set(exception, { code, ...options });
  return exception;
}

/** The failure an {@link apiError} stands for; `undefined` for any other error. */
export function apiFailureOf(error: unknown): HttpFailure | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  const details = detailsOf.get(error);
  if (!details) return undefined;
  return { status: error.status as ContentfulStatusCode, message: error.message, ...details };
}
