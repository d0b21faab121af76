import { randomUUID } from 'node:crypto';
import type { Logger } from '@org/runtime';
import {
  defaultRetryPolicy,
  isRetryableStatus,
  type RetryOptions,
  type RetryPolicy,
  retryDelayMs,
} from './backoff';
import type { HandoffEnv } from './handoff-env';
import { type HandoffEvent, type HandoffNotice, toHandoffEvent } from './handoff-event';
import { signHandoffPayload } from './handoff-signature';

/** Tells the business's webhook of handoffs, in the background. */
export type HandoffNotifier = {
  /**
   * Queues one delivery and resolves at once: the customer never waits for the business's
   * server. Never rejects; a delivery that fails for good is logged.
   */
  notify(notice: HandoffNotice): Promise<void>;
  /** Resolves once every delivery queued so far has succeeded or given up (tests, shutdown). */
  settled(): Promise<void>;
};

/** Options for {@link createHandoffNotifier}. */
export type HandoffNotifierOptions = {
  /** The business's webhook (`HANDOFF_WEBHOOK_URL`). */
  url: string;
  /** Signs every delivery (`HANDOFF_WEBHOOK_SECRET`). */
  secret: string;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Told of deliveries that fail for good (error) or are retried (warn). */
  logger?: Logger;
  /** Attempts and waits; see {@link RetryOptions}. */
  retries?: RetryOptions;
  /** How long one attempt may take. Default 10 000 ms. */
  timeoutMs?: number;
  /** Now, for `createdAt` and the timestamp signed. Default the system clock. */
  now?: () => Date;
};

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Posts each {@link HandoffEvent} as JSON to the business's webhook, signed (see
 * `verifyHandoffSignature`), and retries with exponential backoff and jitter on a network error,
 * a timeout, a 5xx, 408 or 429 (honouring `Retry-After`), up to 5 attempts; never on another 4xx.
 * Every attempt carries the same `x-handoff-delivery` id and a fresh `x-handoff-timestamp`.
 *
 * @example
 * ```ts
 * const notifier = createHandoffNotifier({ url: env.HANDOFF_WEBHOOK_URL, secret: env.HANDOFF_WEBHOOK_SECRET, logger });
 * void notifier.notify({ type: 'handoff.started', conversationId, ...handoff, transcript: messages });
 * // at shutdown
 * await notifier.settled();
 * ```
 */
export function createHandoffNotifier(options: HandoffNotifierOptions): HandoffNotifier {
  const send = options.fetch ?? fetch;
  const logger = options.logger ?? silent;
  const now = options.now ?? (() => new Date());
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retries };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pending = new Set<Promise<void>>();

  /** One attempt: `undefined` when delivered, else why not and whether to try again. */
  async function attempt(rawBody: string, deliveryId: string) {
    const timestamp = Math.floor(now().getTime() / 1000);
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-handoff-delivery': deliveryId,
          'x-handoff-timestamp': String(timestamp),
          'x-handoff-signature': signHandoffPayload(options.secret, timestamp, rawBody),
        },
        body: rawBody,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is not read: release the connection.
      await response.body?.cancel().catch(() => {});
      if (response.ok) return undefined;
      return {
        status: response.status,
        retry: isRetryableStatus(response.status),
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      return { error, retry: true, retryAfter: null };
    }
  }

  async function deliver(event: HandoffEvent): Promise<void> {
    const rawBody = JSON.stringify(event);
    const fields = {
      deliveryId: event.deliveryId,
      type: event.type,
      conversationId: event.conversationId,
    };
    for (let number = 1; ; number++) {
      const failure = await attempt(rawBody, event.deliveryId);
      if (!failure) {
        logger.info({ ...fields, attempts: number }, 'handoff webhook delivered');
        return;
      }
      const outcome = 'status' in failure ? { status: failure.status } : { err: failure.error };
      if (!failure.retry || number >= policy.attempts) {
        logger.error({ ...fields, attempts: number, ...outcome }, 'handoff webhook failed');
        return;
      }
      const delayMs = retryDelayMs(policy, number, failure.retryAfter, now());
      logger.warn({ ...fields, attempt: number, delayMs, ...outcome }, 'handoff webhook retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  return {
    async notify(notice) {
      const delivery = deliver(toHandoffEvent(notice, randomUUID(), now())).catch((error) => {
        logger.error({ err: error, conversationId: notice.conversationId }, 'handoff webhook bug');
      });
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

/**
 * The notifier `HANDOFF_WEBHOOK_URL` and `HANDOFF_WEBHOOK_SECRET` describe, or `undefined` when
 * they are unset (`handoffEnvCheck` makes the secret go with the URL).
 *
 * @example
 * ```ts
 * const notifier = createHandoffNotifierFromEnv(env, logger)
 * const report = createHandoffReporter({ notifier, history, logger })
 * ```
 */
export function createHandoffNotifierFromEnv(
  env: Pick<HandoffEnv, 'HANDOFF_WEBHOOK_URL' | 'HANDOFF_WEBHOOK_SECRET'>,
  logger: Logger,
): HandoffNotifier | undefined {
  const { HANDOFF_WEBHOOK_URL: url, HANDOFF_WEBHOOK_SECRET: secret } = env;
  return url && secret ? createHandoffNotifier({ url, secret, logger }) : undefined;
}
