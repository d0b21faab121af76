import { signatureHeader, signBody } from '../signature';
import type { Envelope } from './events';

/** How the simulator delivers a batch of webhooks. */
export type DeliveryOptions = {
  /** Each event is sent this many times (VoIPBin resends when an ack is lost). Default 1. */
  copies?: number;
  /** `wrong` signs with another secret, `missing` sends no signature header. Default `valid`. */
  signature?: 'valid' | 'wrong' | 'missing';
  /** `reversed` sends the batch last event first (deliveries are not ordered). Default in order. */
  order?: 'in-order' | 'reversed';
};

/** One delivery attempt, as recorded. */
export type DeliveryRecord = {
  type: string;
  /** HTTP status, or `error` for a transport failure. */
  status: number | 'error';
  attempt: number;
  body: string;
  /** When the attempt was sent (epoch ms). */
  sentAt: number;
};

/** Where webhooks go: the customer's `webhook_uri`, method and secret. */
export type WebhookTarget = { uri: string; method: string; secret: string };

/** Options for {@link createWebhookSender}. */
export type WebhookSenderOptions = {
  target: () => WebhookTarget | undefined;
  /** Pause between attempts. VoIPBin: 1000 ms. */
  retryDelayMs: number;
  onDelivery: (record: DeliveryRecord) => void;
};

const maxAttempts = 3;
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Delivers webhooks as VoIPBin does (SPEC.md §4, §7): `POST` JSON `{type,data}`, header
 * `X-VoIPBIN-Signature: sha256=<hex HMAC>` of the raw body, up to 3 attempts 1 s apart, retried
 * only on a transport error or a status >= 500.
 */
export function createWebhookSender(options: WebhookSenderOptions) {
  // Closing stops every delivery at once, in flight or waiting for its next attempt.
  const closing = new AbortController();

  async function send(envelope: Envelope, signature: DeliveryOptions['signature']) {
    const target = options.target();
    if (!target?.uri || closing.signal.aborted) return;
    const body = JSON.stringify(envelope);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== 'missing') {
      const secret = signature === 'wrong' ? `${target.secret}-wrong` : target.secret;
      headers[signatureHeader] = signBody(secret, body);
    }
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let status: number | 'error';
      const sentAt = Date.now();
      try {
        const response = await fetch(target.uri, {
          method: target.method || 'GET',
          headers,
          body,
          signal: AbortSignal.any([AbortSignal.timeout(30_000), closing.signal]),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        if (closing.signal.aborted) return;
        status = 'error';
      }
      options.onDelivery({ type: envelope.type, status, attempt, body, sentAt });
      if (status !== 'error' && status < 500) return;
      if (attempt < maxAttempts) await wait(options.retryDelayMs, closing.signal);
      if (closing.signal.aborted) return;
    }
  }

  return {
    /** Sends the batch one event after the other, each copy awaited. */
    async deliver(envelopes: Envelope[], delivery: DeliveryOptions = {}): Promise<void> {
      const ordered = delivery.order === 'reversed' ? [...envelopes].reverse() : envelopes;
      for (const envelope of ordered) {
        for (let copy = 0; copy < (delivery.copies ?? 1); copy++) {
          await send(envelope, delivery.signature);
        }
      }
    },
    /** Stops delivering: attempts in flight are aborted, none is made after. */
    close(): void {
      closing.abort();
    },
  };
}
