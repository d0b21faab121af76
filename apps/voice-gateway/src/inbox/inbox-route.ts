import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { CallEngine } from '../channels/voice/call-engine';
import type { Logger } from '../logger';
import { dedupeKey, parseVoiceEvent, webhookEnvelopeSchema } from '../voipbin/schemas';
import { signatureHeader, verifySignature } from '../voipbin/signature';

/** What the webhook route needs. */
export type WebhookDependencies = {
  engine: CallEngine;
  logger: Logger;
  /** The customer's webhook secret; without one every webhook is refused. */
  webhookSecret: string | undefined;
};

/**
 * `POST /voipbin/webhook`: verifies the signature over the raw body (401, no side effect),
 * validates the envelope (400), drops redeliveries, acknowledges at once and handles the
 * event in the background.
 */
export function createWebhookRoutes(dependencies: WebhookDependencies) {
  const { engine, logger, webhookSecret } = dependencies;

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
      if (!result.success) {
        return c.json({ error: { code: 'invalid_body', message: 'Not a VoIPBin webhook' } }, 400);
      }
    }),
    async (c) => {
      const envelope = c.req.valid('json');
      const parsed = parseVoiceEvent(envelope);
      if (parsed.kind === 'ignored') return c.json({ ok: true, ignored: true });
      if (parsed.kind === 'invalid') {
        logger.warn({ type: parsed.type, issues: parsed.issues }, 'webhook with a bad data shape');
        return c.json({ error: { code: 'invalid_body', message: parsed.issues.join('; ') } }, 400);
      }
      if (!(await engine.claimEvent(dedupeKey(envelope)))) {
        return c.json({ ok: true, duplicate: true });
      }
      // Acknowledge before any model work: VoIPBin only retries on 5xx and network errors.
      void engine.handle(parsed.event);
      return c.json({ ok: true });
    },
  );
}
