import {
  createHandoffNotifierFromEnv,
  createStaffedHours,
  handoffOptionsFromEnv,
} from '@org/handoff';
import { createBrain, createLogger, createMemoryRateLimiter, serveWithDrain } from '@org/runtime';
import { createUpstashRateLimiter } from '@org/upstash';
import { createApp } from './app';
import { loadEnv } from './env';
import { createClientIp } from './http/client-ip';
import { developmentOrigins } from './http/origins';
import { createDevelopmentSecret, createSessions } from './sessions';

async function main() {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, service: 'chat-api' });
  // A person takes chats when the operator API is on and the opening hours say open.
  const available = createStaffedHours({
    staffed: env.OPERATOR_TOKEN !== undefined,
    hours: env.HANDOFF_HOURS,
    timeZone: env.HANDOFF_TIMEZONE,
  });
  const brain = await createBrain(env, {
    timeoutMs: env.REPLY_TIMEOUT_MS,
    handoff: handoffOptionsFromEnv(env, available),
  });
  const { redis } = brain;
  const limiter = (limit: number, prefix: string) =>
    redis
      ? createUpstashRateLimiter({
          redis,
          limit,
          prefix,
          windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
          onError: (error) =>
            logger.warn({ err: error, prefix }, 'rate limiter unavailable: allowing'),
        })
      : createMemoryRateLimiter({ limit, windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000 });
  if (env.SESSION_SECRET === undefined) {
    logger.warn(
      'SESSION_SECRET is not set: using a random secret, so sessions end when this process stops ' +
        'and are not shared with other instances',
    );
  }
  const production = env.NODE_ENV === 'production';
  const corsOrigins = env.ALLOWED_ORIGINS ?? (production ? [] : developmentOrigins);
  if (corsOrigins.length === 0) logger.warn('ALLOWED_ORIGINS is empty: no browser origin may call');
  if (env.OPERATOR_TOKEN === undefined) {
    logger.info('OPERATOR_TOKEN is not set: the operator API is off and nobody takes chats over');
  }
  const notifier = createHandoffNotifierFromEnv(env, logger);

  // Aborted when the shutdown stops waiting: each turn still running ends with `shutting_down`.
  const turns = new AbortController();
  const app = createApp({
    shutdown: turns.signal,
    assistant: brain.assistant,
    history: brain.history,
    sessions: createSessions({ secret: env.SESSION_SECRET ?? createDevelopmentSecret() }),
    logger,
    corsOrigins,
    limits: {
      ip: limiter(env.RATE_LIMIT_PER_IP, 'chat-api:limit:ip'),
      session: limiter(env.RATE_LIMIT_PER_SESSION, 'chat-api:limit:session'),
      operator: limiter(env.RATE_LIMIT_OPERATOR, 'chat-api:limit:operator'),
    },
    handoff: { operatorToken: env.OPERATOR_TOKEN, notifier },
    clientIp: createClientIp({ trustProxy: env.TRUST_PROXY }),
  });
  await serveWithDrain(app.fetch, {
    port: env.PORT,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    logger,
    name: 'chat-api',
    fields: {
      model: brain.model.modelId,
      store: brain.parts.history,
      knowledge: brain.parts.knowledge,
      corsOrigins,
      operatorApi: env.OPERATOR_TOKEN !== undefined,
      handoffWebhook: notifier !== undefined,
    },
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    drain: async ({ deadline, requestsFinished }) => {
      deadline.addEventListener('abort', () => turns.abort());
      // Handoffs already queued for the business's webhook go out before the process ends.
      await requestsFinished;
      await notifier?.settled();
    },
  });
}

main().catch((error: unknown) => {
  // Bad env and a missing knowledge directory end here: say what is wrong, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
