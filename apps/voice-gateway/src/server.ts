import { listen } from '@org/runtime';
import pino from 'pino';
import { loadEnv } from './env';
import { createGateway } from './gateway';

const env = loadEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'voice-gateway' } });
const gateway = await createGateway(env, logger);
const server = await listen(gateway.app.fetch, { port: env.PORT, host: env.HOST });

logger.info({ url: server.url, ...gateway.parts }, 'voice gateway listening');
if (!env.VOIPBIN_WEBHOOK_SECRET) {
  logger.warn(
    'VOIPBIN_WEBHOOK_SECRET is not set: every webhook is refused (401). Run `pnpm voipbin:setup`, ' +
      'or `pnpm call` to try the gateway against the local simulator.',
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new webhooks, finishing calls in progress');
  await server.close();
  // Let running turns finish speaking, but never hang on shutdown.
  await Promise.race([
    gateway.engine.settled(),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
  gateway.engine.close();
  logger.flush?.();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
