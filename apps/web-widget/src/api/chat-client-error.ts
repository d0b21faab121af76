import type { ChatApiErrorBody, ChatApiErrorCode } from '@org/chat-api/protocol';

/**
 * What went wrong, as the visitor needs to know it:
 * - `offline`: the chat server could not be reached (no network, server down, CORS refused)
 * - `rate-limited`: too many messages; `retryAfterSeconds` says when to try again
 * - `invalid-session`: the server does not know this session (e.g. it was restarted)
 * - `rejected`: the server refused the message itself (4xx), retrying will not help
 * - `server`: the server failed (5xx, an `error` event, an answer cut short)
 */
export type ChatErrorKind = 'offline' | 'rate-limited' | 'invalid-session' | 'rejected' | 'server';

/** A failed chat-api call, typed by {@link ChatErrorKind}. */
export class ChatClientError extends Error {
  override readonly name = 'ChatClientError';
  readonly kind: ChatErrorKind;
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;
  /** HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** The chat-api error code (`rate_limited`, `model_unavailable`, …), when there was one. */
  readonly code: ChatApiErrorCode | undefined;

  constructor(
    kind: ChatErrorKind,
    message: string,
    details: {
      retryAfterSeconds?: number;
      status?: number;
      code?: ChatApiErrorCode;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.status = details.status;
    this.code = details.code;
  }

  /** Whether sending the same message again can succeed. */
  get isRetryable(): boolean {
    return this.kind !== 'rejected';
  }
}

/** `Retry-After` in whole seconds (delta-seconds or an HTTP date), if present and sane. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns a non-2xx response into a {@link ChatClientError}. */
export async function errorFromResponse(response: Response): Promise<ChatClientError> {
  let code: ChatApiErrorCode | undefined;
  let message = `HTTP ${response.status}`;
  try {
    // Any error body, chat-api's or a proxy's: each field may be missing.
    const body = (await response.json()) as { error?: Partial<ChatApiErrorBody['error']> };
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
    // Not JSON (a proxy's HTML page): the status is all there is.
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const details = {
    status: response.status,
    ...(code ? { code } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
  if (response.status === 429) return new ChatClientError('rate-limited', message, details);
  if (response.status === 403 && code === 'invalid_session') {
    return new ChatClientError('invalid-session', message, details);
  }
  if (response.status >= 500) return new ChatClientError('server', message, details);
  return new ChatClientError('rejected', message, details);
}
