import { zValidator } from '@hono/zod-validator';
import type { Logger } from '@org/runtime';
import {
  dedupeKey,
  parseEvent,
  signatureHeader,
  verifySignature,
  webhookEnvelopeSchema,
} from '@org/voipbin';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { StateStore } from '../state/state-store';
import type { InboxChannel } from './inbox-channel';

/** What the inbox route needs. */
export type InboxDependencies = {
  /** Each event type goes to the one channel that accepts it. */
  channels: readonly InboxChannel[];
  /** Where delivered events are remembered (shared by every instance). */
  store: StateStore;
  logger: Logger;
  /** The customer's webhook secret; without one every webhook is refused. */
  webhookSecret: string | undefined;
  /** How long a delivered event is remembered, in ms. Default 24 hours (VoIPBin retries for about a minute). */
  dedupeTtlMs?: number;
};

const invalid = (message: string) => ({ error: { code: 'invalid_body', message } });

/** The channel of each event type; a type claimed twice is a wiring mistake. */
function routeByType(channels: readonly InboxChannel[]): Map<string, InboxChannel> {
  const byType = new Map<string, InboxChannel>();
  for (const channel of channels) {
    for (const type of channel.accepts) {
      const taken = byType.get(type);
      if (taken) throw new Error(`"${type}" is taken by both ${taken.name} and ${channel.name}`);
      byType.set(type, channel);
    }
  }
  return byType;
}

/**
 * `POST /voipbin/webhook`, the account's inbox: VoIPBin sends every customer webhook (calls,
 * texts, conversations) to this one URL. Verifies the signature over the raw body (401, no side
 * effect), validates the envelope and the event's data (400), acknowledges a type no channel
 * takes, drops redeliveries (SPEC.md §7), then acknowledges at once and hands the event to its
 * channel in the background.
 */
export function createInboxRoutes(dependencies: InboxDependencies) {
  const { store, logger, webhookSecret } = dependencies;
  const dedupeTtlMs = dependencies.dedupeTtlMs ?? 24 * 60 * 60 * 1000;
  const byType = routeByType(dependencies.channels);

  const verified = createMiddleware(async (c, next) => {
    // The exact bytes VoIPBin signed; Hono keeps them for the JSON validator that follows.
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const signature = c.req.header(signatureHeader);
    if (!webhookSecret || !verifySignature(webhookSecret, raw, signature)) {
      logger.warn({ signed: signature !== undefined }, 'webhook refused: bad signature');
      return c.json(
        { error: { code: 'invalid_signature', message: 'Bad or missing signature' } },
        401,
      );
    }
    await next();
  });

  return new Hono().post(
    '/',
    verified,
    zValidator('json', webhookEnvelopeSchema, (result, c) => {
      if (!result.success) return c.json(invalid('Not a VoIPBin webhook'), 400);
    }),
    async (c) => {
      const envelope = c.req.valid('json');
      const channel = byType.get(envelope.type);
      if (!channel) {
        logger.debug({ type: envelope.type }, 'webhook no channel takes: acknowledged');
        return c.json({ ok: true, ignored: true });
      }
      const parsed = parseEvent(envelope);
      if (parsed.kind !== 'event') {
        const issues = parsed.kind === 'invalid' ? parsed.issues : ['unknown event type'];
        logger.warn({ type: envelope.type, issues }, 'webhook with a bad data shape');
        return c.json(invalid(issues.join('; ')), 400);
      }
      if (!(await store.claim(`event:${dedupeKey(envelope)}`, dedupeTtlMs))) {
        return c.json({ ok: true, duplicate: true });
      }
      // Acknowledge before any model work: VoIPBin retries on 5xx and network errors only.
      const { kind: _parsed, ...event } = parsed;
      void channel.handle(event);
      return c.json({ ok: true });
    },
  );
}
