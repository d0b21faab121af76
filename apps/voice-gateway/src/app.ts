import type { OperatorRoutes } from '@org/handoff';
import { createErrorHandler, type Logger, limitBody, notFound } from '@org/runtime';
import { Hono } from 'hono';
import type { InboxChannel } from './inbox/inbox-channel';
import { createInboxRoutes } from './inbox/inbox-route';
import type { StateStore } from './state/state-store';

/** Everything the gateway's HTTP app needs; `gateway.ts` builds the real ones. */
export type AppDependencies = {
  /** The channels of the inbox: each takes the webhook events of its types. */
  channels: readonly InboxChannel[];
  /** Shared state (delivered events, calls, conversations). */
  store: StateStore;
  logger: Logger;
  /** The customer's webhook secret (`GET /customer` → `webhook_secret`). */
  webhookSecret: string | undefined;
  /** The operator API (`createOperatorRoutes` of @org/handoff), mounted at `/operator`. */
  operator?: OperatorRoutes;
};

/** The largest webhook body accepted (VoIPBin events are a few kB). */
export const maxBodyBytes = 256 * 1024;

/**
 * The gateway's routes: `/healthz`, the account's inbox `POST /voipbin/webhook`, each channel's
 * own routes (voice: `POST /voipbin/fetch/:secret`) and the operator API (`/operator/*`: a
 * person answers texters handed off to them).
 */
export function createApp(dependencies: AppDependencies) {
  const app = new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    // Webhooks are read whole before their signature can be checked: bound what anyone may send.
    .use('/voipbin/*', limitBody(maxBodyBytes))
    .route('/voipbin/webhook', createInboxRoutes(dependencies));
  for (const channel of dependencies.channels) {
    if (channel.routes) app.route(channel.routes.path, channel.routes.app);
  }
  // Its own body limit, rate limit, token check and error bodies.
  if (dependencies.operator) app.route('/operator', dependencies.operator);
  return app.notFound(notFound).onError(createErrorHandler({ logger: dependencies.logger }));
}

/** The app's type, for `hono/client`. */
export type VoiceGatewayApp = ReturnType<typeof createApp>;
