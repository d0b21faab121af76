import type { Assistant, ChatModel, HistoryStore } from '@org/ai-core';
import { createBrain, type Logger } from '@org/runtime';
import { createUpstashStateStore } from '@org/upstash';
import { createVoipbinClient } from '@org/voipbin';
import { createApp } from './app';
import type { SmsSettings } from './channels/sms/settings';
import { createSmsChannel } from './channels/sms/sms-channel';
import type { CallEngine } from './channels/voice/call-engine';
import type { VoiceSettings } from './channels/voice/settings';
import { createVoiceChannel } from './channels/voice/voice-channel';
import type { Env } from './env';
import type { InboxChannel } from './inbox/inbox-channel';
import { createMemoryStateStore, type StateStore } from './state/state-store';

/** Parts to use instead of the ones the environment describes (tests, benchmarks, the CLIs). */
export type GatewayOverrides = {
  model?: ChatModel;
  history?: HistoryStore;
  store?: StateStore;
  fetch?: typeof fetch;
  settings?: Partial<VoiceSettings>;
  smsSettings?: Partial<SmsSettings>;
  /** Model deadline of the assistant. */
  timeoutMs?: number;
};

/** A wired gateway: the HTTP app and the parts behind it. */
export type Gateway = {
  app: ReturnType<typeof createApp>;
  /** The inbox's channels: voice and SMS. */
  channels: readonly InboxChannel[];
  /** The voice channel's call engine. */
  engine: CallEngine;
  assistant: Assistant;
  history: HistoryStore;
  /** Resolves when every channel has finished what it was handed. */
  settled(): Promise<void>;
  /** Stops every channel's timers. */
  close(): void;
  /** Which implementations are in use, for the startup log. */
  parts: { model: string; history: string; state: string; voipbin: string; knowledge: string };
};

/**
 * Builds the gateway as `server.ts` runs it: the brain from the environment (@org/runtime), the
 * state store (Upstash when configured, else memory), the VoIPBin client, the channels and the
 * app. A new channel is one more entry in `channels`.
 */
export async function createGateway(
  env: Env,
  logger: Logger,
  overrides: GatewayOverrides = {},
): Promise<Gateway> {
  // One quick retry at most: a caller is waiting on the line.
  const brain = await createBrain(env, { ...overrides, maxRetries: 1 });
  const { assistant, redis } = brain;
  const store =
    overrides.store ?? (redis ? createUpstashStateStore({ redis }) : createMemoryStateStore());
  const voipbin = createVoipbinClient({
    baseUrl: env.VOIPBIN_API_URL,
    accessKey: env.VOIPBIN_ACCESS_KEY,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    onRetry: (info) => logger.warn(info, 'retrying a VoIPBin request'),
  });
  const voice = createVoiceChannel({
    assistant,
    voipbin,
    store,
    logger,
    fetchSecret: env.VOIPBIN_FETCH_SECRET,
    settings: {
      language: env.LANGUAGE,
      quietMs: env.QUIET_MS,
      completeQuietMs: env.QUIET_COMPLETE_MS,
      trailingQuietMs: env.QUIET_TRAILING_MS,
      fillerAfterMs: env.FILLER_AFTER_MS,
      replyBudgetMs: env.REPLY_BUDGET_MS,
      ...(env.GREETING ? { greeting: env.GREETING } : {}),
      ...(env.FALLBACK_TEXT ? { fallbackText: env.FALLBACK_TEXT } : {}),
      ...(env.TTS_PROVIDER ? { provider: env.TTS_PROVIDER } : {}),
      ...(env.TTS_VOICE_ID ? { voiceId: env.TTS_VOICE_ID } : {}),
      ...overrides.settings,
    },
  });
  const sms = createSmsChannel({
    assistant,
    voipbin,
    store,
    logger,
    settings: {
      ...(env.SMS_FALLBACK_TEXT ? { fallbackText: env.SMS_FALLBACK_TEXT } : {}),
      ...overrides.smsSettings,
    },
  });
  const channels = [voice, sms];
  const app = createApp({ channels, store, logger, webhookSecret: env.VOIPBIN_WEBHOOK_SECRET });
  return {
    app,
    channels,
    engine: voice.engine,
    assistant,
    history: brain.history,
    async settled() {
      // Every channel's own work: timers, turns, and what each still has to send.
      await Promise.all(channels.map((channel) => channel.settled()));
    },
    close() {
      for (const channel of channels) channel.close();
    },
    parts: {
      ...brain.parts,
      state: overrides.store ? 'custom' : redis ? 'upstash' : 'memory',
      voipbin: `${env.VOIPBIN_API_URL}${env.VOIPBIN_ACCESS_KEY ? '' : ' (no access key)'}`,
    },
  };
}
