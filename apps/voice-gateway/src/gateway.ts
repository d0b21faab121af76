import {
  type Assistant,
  type ChatModel,
  createHandoffDesk,
  type HandoffAvailabilityQuery,
  type HistoryStore,
} from '@org/ai-core';
import {
  createHandoffNotifierFromEnv,
  createHandoffReporter,
  createOperatorRoutes,
  createStaffedHours,
  type HandoffNotifier,
  handoffOptionsFromEnv,
} from '@org/handoff';
import { createBrain, createMemoryRateLimiter, type Logger } from '@org/runtime';
import { createUpstashRateLimiter, createUpstashStateStore } from '@org/upstash';
import { createVoipbinClient } from '@org/voipbin';
import { createApp } from './app';
import type { SmsSettings } from './channels/sms/settings';
import { createSmsChannel } from './channels/sms/sms-channel';
import type { CallEngine } from './channels/voice/call-engine';
import type { VoiceSettings } from './channels/voice/settings';
import { createVoiceChannel } from './channels/voice/voice-channel';
import { createVoiceHandoff } from './channels/voice/voice-handoff';
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
  /** Tells the business's webhook of handoffs; undefined without `HANDOFF_WEBHOOK_URL`. */
  notifier: HandoffNotifier | undefined;
  /** Resolves when every channel has finished what it was handed (and the business was told). */
  settled(): Promise<void>;
  /** Stops every channel's timers. */
  close(): void;
  /** Which implementations are in use, for the startup log. */
  parts: {
    model: string;
    history: string;
    state: string;
    voipbin: string;
    knowledge: string;
    handoff: string;
  };
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
  // ── Handoff to a person (issue 11), shared by the channels ──
  // Told of every handoff and callback request, on every channel; the env check makes the
  // secret go with the URL.
  const notifier = createHandoffNotifierFromEnv(env, logger);
  // SMS: an operator answers through the operator API, so a person is there when it is on
  // (OPERATOR_TOKEN) and the opening hours say open.
  const hours = { hours: env.HANDOFF_HOURS, timeZone: env.HANDOFF_TIMEZONE };
  const smsAvailable = createStaffedHours({ staffed: env.OPERATOR_TOKEN !== undefined, ...hours });
  const open = createStaffedHours({ staffed: true, ...hours });
  // Voice: the channel is built after the brain, and says which calls can be put through.
  let voiceAvailable = (_query: HandoffAvailabilityQuery): boolean | Promise<boolean> => false;

  // One quick retry at most: a caller is waiting on the line.
  const brain = await createBrain(env, {
    ...overrides,
    maxRetries: 1,
    // Late-bound: `voiceAvailable` is the voice channel's, built after the brain.
    handoff: handoffOptionsFromEnv(env, (query) =>
      query.channel === 'voice' ? voiceAvailable(query) : smsAvailable(query),
    ),
  });
  const { assistant, redis } = brain;
  const desk = createHandoffDesk({ history: brain.history });
  const report = createHandoffReporter({ notifier, history: brain.history, logger });
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
    // VOICE HANDOFF: dial HANDOFF_PHONE_NUMBER; nobody came → released, callback webhook.
    handoff: createVoiceHandoff({
      phoneNumber: env.HANDOFF_PHONE_NUMBER,
      desk,
      report,
      history: brain.history,
    }),
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
  // VOICE HANDOFF: a person takes a call within the opening hours, when it can be put through.
  voiceAvailable = async (query) => open(query) && (await voice.canTransfer(query.conversationId));
  const sms = createSmsChannel({
    assistant,
    voipbin,
    store,
    logger,
    report,
    settings: {
      ...(env.SMS_FALLBACK_TEXT ? { fallbackText: env.SMS_FALLBACK_TEXT } : {}),
      ...overrides.smsSettings,
    },
  });
  const channels = [voice, sms];
  // ── The operator API (issue 11): a person answers handed-off texters ──
  // Off (every route a 404) without OPERATOR_TOKEN. Its rate limit is shared by every instance
  // when Upstash is configured.
  const operatorLimit = { limit: 120, windowSeconds: 60 };
  const operator = createOperatorRoutes({
    desk,
    token: env.OPERATOR_TOKEN,
    channels: ['sms'],
    rateLimiter: redis
      ? createUpstashRateLimiter({
          redis,
          ...operatorLimit,
          prefix: 'voice-gateway:operator',
          onError: (error) => logger.warn({ err: error }, 'operator rate limiter down: allowing'),
        })
      : createMemoryRateLimiter({
          limit: operatorLimit.limit,
          windowMs: operatorLimit.windowSeconds * 1000,
        }),
    deliver: sms.deliverOperatorMessage,
    logger,
  });
  const app = createApp({
    channels,
    store,
    logger,
    webhookSecret: env.VOIPBIN_WEBHOOK_SECRET,
    operator,
  });
  return {
    app,
    channels,
    engine: voice.engine,
    assistant,
    history: brain.history,
    notifier,
    async settled() {
      // Every channel's own work: timers, turns, and what each still has to send.
      await Promise.all(channels.map((channel) => channel.settled()));
      // Then the business's webhook deliveries those turns queued.
      await notifier?.settled();
    },
    close() {
      for (const channel of channels) channel.close();
    },
    parts: {
      ...brain.parts,
      state: overrides.store ? 'custom' : redis ? 'upstash' : 'memory',
      voipbin: `${env.VOIPBIN_API_URL}${env.VOIPBIN_ACCESS_KEY ? '' : ' (no access key)'}`,
      handoff: [
        `operator API ${env.OPERATOR_TOKEN ? 'on' : 'off'}`,
        `webhook ${notifier ? 'on' : 'off'}`,
        `phone ${env.HANDOFF_PHONE_NUMBER && env.VOIPBIN_FETCH_SECRET ? 'on' : 'off'}`,
        `hours ${env.HANDOFF_HOURS ?? 'always'} (${env.HANDOFF_TIMEZONE})`,
      ].join(', '),
    },
  };
}
