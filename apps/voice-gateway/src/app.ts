import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { CallEngine } from './channels/voice/call-engine';
import { createFetchRoutes } from './channels/voice/fetch-route';
import { limitBody } from './http/body-limit';
import { createWebhookRoutes } from './inbox/inbox-route';
import type { Logger } from './logger';

/** Everything the gateway's HTTP app needs; `server.ts` builds the real ones. */
export type AppDependencies = {
  engine: CallEngine;
  logger: Logger;
  /** The customer's webhook secret (`GET /customer` → `webhook_secret`). */
  webhookSecret: string | undefined;
  /** Enables `POST /voipbin/fetch/:secret`. */
  fetchSecret?: string;
  /** Language of `talk` actions. Default `en-US`. */
  language?: string;
};

/** The largest webhook body accepted (VoIPBin events are a few kB). */
export const maxBodyBytes = 256 * 1024;

/** The gateway's routes: `/healthz`, `/voipbin/webhook`, `/voipbin/fetch/:secret`. */
export function createApp(dependencies: AppDependencies) {
  const { engine, logger } = dependencies;
  return (
    new Hono()
      .get('/healthz', (c) => c.json({ ok: true }))
      // Webhooks are read whole before their signature can be checked: bound what anyone may send.
      .use('/voipbin/*', limitBody(maxBodyBytes))
      .route('/voipbin/webhook', createWebhookRoutes(dependencies))
      .route(
        '/voipbin/fetch',
        createFetchRoutes({
          engine,
          logger,
          fetchSecret: dependencies.fetchSecret,
          language: dependencies.language ?? 'en-US',
        }),
      )
      .notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404))
      .onError((error, c) => {
        if (error instanceof HTTPException) {
          return c.json({ error: { code: 'bad_request', message: error.message } }, error.status);
        }
        logger.error({ err: error, path: c.req.path }, 'request failed');
        return c.json({ error: { code: 'internal', message: 'Internal error' } }, 500);
      })
  );
}

/** The app's type, for `hono/client`. */
export type VoiceGatewayApp = ReturnType<typeof createApp>;
