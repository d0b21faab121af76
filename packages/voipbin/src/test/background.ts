import type { Envelope } from './events';
import type { DeliveryOptions } from './webhooks';

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves once `signal` aborts (at once if it has). */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** What the simulator does on its own: call flows, dialed legs, and their webhooks. */
export type Background = {
  /** Aborted when the simulator closes: every flow and wait stops. */
  readonly signal: AbortSignal;
  /** Keeps `task` until it settles ({@link Background.settled}). */
  run(task: Promise<unknown>): void;
  /**
   * Delivers `envelopes` after every batch posted before them, so that one story's webhooks
   * (a leg's, a conference's) arrive in order. Resolves once delivered.
   */
  post(envelopes: Envelope[], delivery?: DeliveryOptions): Promise<void>;
  /** Resolves once every task and post is done. */
  settled(): Promise<void>;
  /** Aborts {@link Background.signal}. */
  close(): void;
};

/** Background work over `deliver`, with `defaultDelivery` when a post names none. */
export function createBackground(options: {
  deliver: (envelopes: Envelope[], delivery: DeliveryOptions) => Promise<void>;
  defaultDelivery: () => DeliveryOptions;
}): Background {
  const closing = new AbortController();
  const pending = new Set<Promise<unknown>>();
  let tail: Promise<unknown> = Promise.resolve();
  const run = (task: Promise<unknown>) => {
    const tracked = task.catch(() => undefined).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  return {
    signal: closing.signal,
    run,
    post(envelopes, delivery) {
      const chosen = delivery ?? options.defaultDelivery();
      const sent = tail.then(() => options.deliver(envelopes, chosen));
      tail = sent.catch(() => undefined);
      run(sent);
      return sent;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () => closing.abort(),
  };
}
