import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createAssistant,
  createMemoryHistory,
  defaultInstructions,
  type HistoryStore,
  loadKnowledge,
} from '@org/ai-core';
import { createConfiguredModel } from '@org/ai-core/openai';
import { createUpstashHistory } from '@org/history';
import { Redis } from '@upstash/redis';
import { type Logger, pino } from 'pino';
import { createApp } from './app';
import { type Env, loadEnv } from './env';
import { answerClientErrorsAsJson } from './http/client-errors';
import { createClientIp } from './http/client-ip';
import { developmentOrigins } from './http/origins';
import { createMemoryRateLimiter, type RateLimits } from './rate-limit/rate-limiter';
import { createUpstashRateLimiter } from './rate-limit/upstash-rate-limiter';
import { createDevelopmentSecret, createSessions } from './sessions';

function buildStores(
  env: Env,
  logger: Logger,
): { history: HistoryStore; limits: RateLimits; store: string } {
  const windowSeconds = env.RATE_LIMIT_WINDOW_SECONDS;
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const redis = new Redis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
    });
    const limiter = (limit: number, prefix: string) =>
      createUpstashRateLimiter({
        redis,
        limit,
        windowSeconds,
        prefix,
        onError: (error) =>
          logger.warn({ err: error, prefix }, 'rate limiter unavailable: allowing'),
      });
    return {
      history: createUpstashHistory({ redis }),
      limits: {
        ip: limiter(env.RATE_LIMIT_PER_IP, 'chat-api:limit:ip'),
        session: limiter(env.RATE_LIMIT_PER_SESSION, 'chat-api:limit:session'),
      },
      store: `upstash (${new URL(env.UPSTASH_REDIS_REST_URL).host})`,
    };
  }
  const windowMs = windowSeconds * 1000;
  return {
    history: createMemoryHistory(),
    limits: {
      ip: createMemoryRateLimiter({ limit: env.RATE_LIMIT_PER_IP, windowMs }),
      session: createMemoryRateLimiter({ limit: env.RATE_LIMIT_PER_SESSION, windowMs }),
    },
    store: 'memory (lost on restart)',
  };
}

async function main() {
  const env = loadEnv();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'chat-api' } });
  const model = createConfiguredModel({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
  });
  const { history, limits, store } = buildStores(env, logger);
  const knowledge = await loadKnowledge(env.KNOWLEDGE_DIR);
  const assistant = createAssistant({
    model,
    history,
    instructions: env.INSTRUCTIONS ?? defaultInstructions,
    knowledge,
    timeoutMs: env.REPLY_TIMEOUT_MS,
  });
  if (env.SESSION_SECRET === undefined) {
    logger.warn(
      'SESSION_SECRET is not set: using a random secret, so sessions end when this process stops ' +
        'and are not shared with other instances',
    );
  }
  const corsOrigins =
    env.ALLOWED_ORIGINS ?? (env.NODE_ENV === 'production' ? [] : developmentOrigins);
  if (corsOrigins.length === 0) logger.warn('ALLOWED_ORIGINS is empty: no browser origin may call');

  const drain = new AbortController();
  const app = createApp({
    shutdown: drain.signal,
    assistant,
    history,
    sessions: createSessions({ secret: env.SESSION_SECRET ?? createDevelopmentSecret() }),
    logger,
    corsOrigins,
    limits,
    clientIp: createClientIp({ trustProxy: env.TRUST_PROXY }),
  });

  const hostname = env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname }, (info: AddressInfo) => {
    const host = hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname;
    logger.info(
      {
        url: `http://${host}:${info.port}`,
        model: model.modelId,
        store,
        knowledge: `${knowledge.passages.length} passages from ${env.KNOWLEDGE_DIR}`,
        corsOrigins,
      },
      `chat-api listening on http://${host}:${info.port}`,
    );
  });

  answerClientErrorsAsJson(server);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    // Stop accepting; requests and streams in flight may finish. A keep-alive socket is closed
    // as soon as it is idle, not after its keep-alive timeout.
    server.close(() => {
      logger.info('stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) {
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 100).unref();
    }
    setTimeout(() => {
      // Turns still running end now, each with an error the visitor sees and its message kept;
      // then whatever is left is closed.
      logger.warn('shutdown timeout: ending the turns in flight');
      drain.abort();
      setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        process.exit(0);
      }, 1000).unref();
    }, env.SHUTDOWN_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // Bad env and a missing knowledge directory end here: say what is wrong, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
