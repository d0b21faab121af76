import type { VoipbinEvent } from '@org/voipbin';
import type { Hono } from 'hono';

/**
 * A channel of the VoIPBin inbox: the unit a contributor adds. VoIPBin sends every webhook of an
 * account to one URL; the inbox verifies, parses and deduplicates each event once, then hands it
 * to the channel that accepts its type.
 *
 * @example
 * ```ts
 * const fax: InboxChannel = {
 *   name: 'fax',
 *   accepts: ['fax_received'],
 *   handle: async (event) => { ... },
 *   settled: async () => {},
 *   close: () => {},
 * }
 * ```
 */
export type InboxChannel = {
  /** For logs: `voice`, `sms`. */
  readonly name: string;
  /** The webhook event types it takes. A type belongs to one channel at most. */
  readonly accepts: readonly VoipbinEvent['type'][];
  /**
   * Handles one verified, parsed event, the first time it arrives (redeliveries never reach it).
   * Called after the webhook is acknowledged: never throws, logs its own failures.
   */
  handle(event: VoipbinEvent): Promise<void>;
  /** Routes of its own, mounted on the gateway (e.g. voice's `fetch` endpoint). */
  readonly routes?: { readonly path: string; readonly app: Hono };
  /** Resolves when everything handed to it so far is done (tests, graceful shutdown). */
  settled(): Promise<void>;
  /** Stops its timers; work in flight finishes. */
  close(): void;
};
