import { randomUUID } from 'node:crypto';
import { type Listening, listen } from '@org/runtime';
import { Hono } from 'hono';
import {
  type CallContext,
  callEvent,
  type Envelope,
  goTime,
  speechEvent,
  transcribeEvent,
  transcriptEvent,
} from './events';
import { createSimulatorState, type Fault, type SimulatorState, type SpokenLine } from './state';
import { createSimulatorApi } from './voipbin-api';
import { createWebhookSender, type DeliveryOptions, type DeliveryRecord } from './webhooks';

/** Options for {@link startSimulator}. */
export type SimulatorOptions = {
  /** Required as `?accesskey=` when set. */
  accessKey?: string;
  /** The customer's webhook secret. Default: a fresh one. */
  webhookSecret?: string;
  /** Where webhooks go (else `PUT /customer` sets it). */
  webhookUri?: string;
  /** Pause between webhook attempts. Default 1000 ms, as VoIPBin. */
  retryDelayMs?: number;
  port?: number;
};

/** Options for {@link Simulator.startCall}. */
export type StartCallOptions = {
  from?: string;
  to?: string;
  language?: string;
  /** When `transcribe_created` is delivered: with the answer (default), after the first utterance, or never. */
  transcribeCreated?: 'normal' | 'late' | 'never';
  /** How this call's webhooks are delivered (default: the simulator's `delivery`). */
  delivery?: DeliveryOptions;
};

/** Options for {@link SimulatedCall.say}. */
export type SayOptions = {
  /** The final segments STT produces for this utterance. Default: the whole text as one. */
  segments?: string[];
  delivery?: DeliveryOptions;
};

/** A call in progress, driven from the caller's side. */
export type SimulatedCall = {
  readonly id: string;
  readonly transcribeId: string;
  /** The caller says `text`: speech started, interim, speech ended, transcript, per segment. */
  say(text: string, options?: SayOptions): Promise<void>;
  /** Delivers this call's `transcribe_created` now (e.g. late, after `transcribeCreated: 'never'`). */
  announceTranscribe(): Promise<void>;
  /** The caller hangs up. */
  hangup(): Promise<void>;
  /** What the bot said to this call so far. */
  lines(): SpokenLine[];
  /** Resolves once the bot said `count` lines to this call. */
  waitForLines(count: number, timeoutMs?: number): Promise<SpokenLine[]>;
};

/** A running local stand-in for VoIPBin. */
export type Simulator = {
  /** REST base URL, ending in `/v1.0` (the gateway's `VOIPBIN_API_URL`). */
  readonly url: string;
  readonly state: SimulatorState;
  /** Every webhook delivery attempt. */
  readonly deliveries: DeliveryRecord[];
  /** Default delivery for every batch (change it between steps). */
  delivery: DeliveryOptions;
  startCall(options?: StartCallOptions): Promise<SimulatedCall>;
  /** Delivers raw envelopes (e.g. an unknown type). */
  deliver(envelopes: Envelope[], options?: DeliveryOptions): Promise<void>;
  /** Makes matching REST requests fail. */
  fail(fault: Fault): void;
  /** Resolves when `check()` holds (checked whenever something happens); rejects after `timeoutMs`. */
  waitUntil(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts a local VoIPBin stand-in: the REST endpoints the gateway uses (speakings, talk,
 * transcribes, customer, flows, numbers) and signed webhook delivery as SPEC.md describes.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = createSimulatorState(options);
  if (options.webhookUri) state.customer.webhook_uri = options.webhookUri;
  const deliveries: DeliveryRecord[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const check of [...waiters]) check();
  };
  const sender = createWebhookSender({
    target: () => ({
      uri: state.customer.webhook_uri,
      method: state.customer.webhook_method,
      secret: state.customer.webhook_secret,
    }),
    retryDelayMs: options.retryDelayMs ?? 1000,
    onDelivery: (record) => {
      deliveries.push(record);
      wake();
    },
  });
  const calls = new Map<string, { hangup: () => Promise<void> }>();
  const api = createSimulatorApi(state, {
    spoken: wake,
    hangup: async (callId) => calls.get(callId)?.hangup(),
  });
  const server: Listening = await listen(new Hono().route('/v1.0', api).fetch, {
    port: options.port,
  });

  const simulator: Simulator = {
    url: `${server.url}/v1.0`,
    state,
    deliveries,
    delivery: {},
    deliver: (envelopes, delivery) => sender.deliver(envelopes, delivery ?? simulator.delivery),
    fail: (fault) => state.faults.push(fault),
    waitUntil(check, timeoutMs = 15_000, what = 'condition') {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`Simulator: timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const test = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(test);
          resolve();
        };
        waiters.add(test);
        test();
      });
    },
    async startCall(callOptions = {}) {
      const context: CallContext = {
        customerId: state.customer.id,
        callId: randomUUID(),
        activeflowId: randomUUID(),
        flowId: randomUUID(),
        transcribeId: randomUUID(),
        streamingId: randomUUID(),
        from: callOptions.from ?? '+15557654321',
        to: callOptions.to ?? [...state.numbers.values()][0]?.number ?? '+15550100',
        language: callOptions.language ?? 'en-US',
      };
      const record = { context, status: 'ringing' };
      state.calls.set(context.callId, record);
      const delivery = () => callOptions.delivery ?? simulator.delivery;
      const started = Date.now();
      let transcribePending = callOptions.transcribeCreated === 'late';
      const transcribeCreated = () =>
        transcribeEvent(context, 'transcribe_created', 'progressing', new Date());

      await simulator.deliver(
        [callEvent(context, 'call_created', 'ringing', new Date())],
        delivery(),
      );
      record.status = 'progressing';
      const answered = new Date();
      const answer = callEvent(context, 'call_progressing', 'progressing', answered, {
        tm_progressing: goTime(answered),
      });
      const opening = callOptions.transcribeCreated ?? 'normal';
      await simulator.deliver(
        opening === 'normal' ? [answer, transcribeCreated()] : [answer],
        delivery(),
      );

      const call: SimulatedCall = {
        id: context.callId,
        transcribeId: context.transcribeId,
        async say(text, sayOptions = {}) {
          const segments = sayOptions.segments ?? [text];
          const events: Envelope[] = [];
          let time = Date.now();
          for (const segment of segments) {
            const words = segment.split(/\s+/);
            const at = () => {
              time += 50;
              return new Date(time);
            };
            events.push(speechEvent(context, 'transcribe_speech_started', at()));
            const partial = words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(' ');
            events.push(speechEvent(context, 'transcribe_speech_interim', at(), partial));
            events.push(speechEvent(context, 'transcribe_speech_ended', at()));
            events.push(transcriptEvent(context, segment, at(), time - started));
          }
          await simulator.deliver(events, sayOptions.delivery ?? delivery());
          if (transcribePending) {
            transcribePending = false;
            await simulator.deliver([transcribeCreated()], delivery());
          }
        },
        async announceTranscribe() {
          transcribePending = false;
          await simulator.deliver([transcribeCreated()], delivery());
        },
        async hangup() {
          if (record.status === 'hangup') return;
          record.status = 'hangup';
          const at = new Date();
          await simulator.deliver(
            [
              callEvent(context, 'call_hangup', 'hangup', at, {
                hangup_by: 'remote',
                hangup_reason: 'normal',
                tm_hangup: goTime(at),
              }),
              transcribeEvent(context, 'transcribe_done', 'done', at),
            ],
            delivery(),
          );
        },
        lines: () => state.spoken.filter((line) => line.callId === context.callId),
        async waitForLines(count, timeoutMs) {
          await simulator.waitUntil(
            () => call.lines().length >= count,
            timeoutMs,
            `${count} spoken line(s) on call ${context.callId}`,
          );
          return call.lines();
        },
      };
      calls.set(context.callId, call);
      return call;
    },
    close: () => server.close(),
  };
  return simulator;
}
