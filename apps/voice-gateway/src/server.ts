import { createLogger, serveWithDrain } from '@org/runtime';
import { loadEnv } from './env';
import { createGateway } from './gateway';

const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL, service: 'voice-gateway' });
const gateway = await createGateway(env, logger);
await serveWithDrain(gateway.app.fetch, {
  port: env.PORT,
  host: env.HOST,
  logger,
  name: 'voice gateway',
  fields: gateway.parts,
  // Calls and texts in progress finish (a caller hears the answer, a texter gets it), for at most 5 s.
  timeoutMs: 5000,
  drain: async ({ requestsFinished, deadline }) => {
    await requestsFinished;
    const stopped = new Promise((resolve) => deadline.addEventListener('abort', resolve));
    await Promise.race([gateway.settled(), stopped]);
    gateway.close();
  },
});
if (!env.VOIPBIN_WEBHOOK_SECRET) {
  logger.warn(
    {},
    'VOIPBIN_WEBHOOK_SECRET is not set: every webhook is refused (401). Run `pnpm voipbin:setup`, ' +
      'or `pnpm call` / `pnpm sms` to try the gateway against the local simulator.',
  );
}
