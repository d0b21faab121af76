/** How a failed delivery is retried. */
export type RetryOptions = {
  /** Attempts in all, the first included. Default 5. */
  attempts?: number;
  /** The wait before the first retry, doubled for each next one (with jitter). Default 1000 ms. */
  baseDelayMs?: number;
  /** The longest wait, also for a `Retry-After` asking for more. Default 60 000 ms. */
  maxDelayMs?: number;
};

/** {@link RetryOptions} with every default applied. */
export type RetryPolicy = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

/** Statuses worth another attempt: the receiver is down, overloaded or timed out. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * The wait before retry number `retry` (1 for the first): the receiver's `Retry-After` when it
 * sent one, else exponential backoff with "equal jitter" (half fixed, half random, so that many
 * senders failing together do not retry together). Never more than `maxDelayMs`.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfter: string | null,
  now: Date,
  random: () => number = Math.random,
): number {
  const asked = parseRetryAfter(retryAfter, now);
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  const delay = asked ?? exponential / 2 + (random() * exponential) / 2;
  return Math.min(policy.maxDelayMs, Math.round(delay));
}

/** `Retry-After` in ms: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
