import {
  type Assistant,
  type ChatModel,
  createAssistant,
  createMemoryHistory,
  defaultInstructions,
  type HistoryStore,
  loadKnowledge,
} from '@org/ai-core';
import { createConfiguredModel } from '@org/ai-core/openai';
import { createUpstashHistory } from '@org/history';
import { Redis } from '@upstash/redis';
import { createApp } from './app';
import { type CallEngine, createCallEngine } from './channels/voice/call-engine';
import type { VoiceSettings } from './channels/voice/settings';
import type { Env } from './env';
import type { Logger } from './logger';
import { createMemoryStateStore, type StateStore } from './state/state-store';
import { createUpstashStateStore } from './state/upstash-state-store';
import { createVoipbinClient } from './voipbin/client';

/** Parts to use instead of the ones the environment describes (tests, benchmarks, the CLI). */
export type GatewayOverrides = {
  model?: ChatModel;
  history?: HistoryStore;
  store?: StateStore;
  fetch?: typeof fetch;
  settings?: Partial<VoiceSettings>;
  /** Model deadline of the assistant. */
  timeoutMs?: number;
};

/** A wired gateway: the HTTP app and the parts behind it. */
export type Gateway = {
  app: ReturnType<typeof createApp>;
  engine: CallEngine;
  assistant: Assistant;
  history: HistoryStore;
  /** Which implementations are in use, for the startup log. */
  parts: { model: string; history: string; callStore: string; voipbin: string };
};

/**
 * Builds the gateway as `server.ts` runs it: OpenAI-compatible model when `OPENAI_API_KEY` or
 * `OPENAI_BASE_URL` is set (else the offline knowledge model), Upstash history and call state
 * when configured (else memory), the knowledge base, the VoIPBin client and the app.
 */
export async function createGateway(
  env: Env,
  logger: Logger,
  overrides: GatewayOverrides = {},
): Promise<Gateway> {
  const model =
    overrides.model ??
    createConfiguredModel({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      // One quick retry at most: a caller is waiting on the line.
      maxRetries: 1,
    });
  const redis =
    env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
      ? new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN })
      : undefined;
  const history =
    overrides.history ?? (redis ? createUpstashHistory({ redis }) : createMemoryHistory());
  const store =
    overrides.store ?? (redis ? createUpstashStateStore({ redis }) : createMemoryStateStore());
  const assistant = createAssistant({
    model,
    history,
    instructions: env.INSTRUCTIONS ?? defaultInstructions,
    knowledge: await loadKnowledge(env.KNOWLEDGE_DIR),
    ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
  });
  const voipbin = createVoipbinClient({
    baseUrl: env.VOIPBIN_API_URL,
    accessKey: env.VOIPBIN_ACCESS_KEY,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    onRetry: (info) => logger.warn(info, 'retrying a VoIPBin request'),
  });
  const settings: Partial<VoiceSettings> = {
    language: env.LANGUAGE,
    quietMs: env.QUIET_MS,
    replyBudgetMs: env.REPLY_BUDGET_MS,
    ...(env.GREETING ? { greeting: env.GREETING } : {}),
    ...(env.FALLBACK_TEXT ? { fallbackText: env.FALLBACK_TEXT } : {}),
    ...(env.TTS_PROVIDER ? { provider: env.TTS_PROVIDER } : {}),
    ...(env.TTS_VOICE_ID ? { voiceId: env.TTS_VOICE_ID } : {}),
    ...overrides.settings,
  };
  const engine = createCallEngine({ assistant, voipbin, store, logger, settings });
  const app = createApp({
    engine,
    logger,
    webhookSecret: env.VOIPBIN_WEBHOOK_SECRET,
    fetchSecret: env.VOIPBIN_FETCH_SECRET,
    language: env.LANGUAGE,
  });
  const kind = (custom: boolean, configured: boolean, name: string) =>
    custom ? 'custom' : configured ? name : 'memory';
  return {
    app,
    engine,
    assistant,
    history,
    parts: {
      model: overrides.model
        ? `custom (${model.modelId})`
        : model.modelId === 'knowledge'
          ? 'knowledge (offline)'
          : `openai (${model.modelId})`,
      history: kind(overrides.history !== undefined, redis !== undefined, 'upstash'),
      callStore: kind(overrides.store !== undefined, redis !== undefined, 'upstash'),
      voipbin: `${env.VOIPBIN_API_URL}${env.VOIPBIN_ACCESS_KEY ? '' : ' (no access key)'}`,
    },
  };
}
