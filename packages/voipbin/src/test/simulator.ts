import { type Listening, listen } from '@org/runtime';
import { Hono } from 'hono';
import { nilUuid } from '../wire';
import { createBackground } from './background';
import { type SimulatedCall, type StartCallOptions, startSimulatedCall } from './call';
import { createConferences } from './conferences';
import { createClock, type Envelope } from './events';
import { createHumanLegs, type Humans } from './human-legs';
import { createSimulatorState, type Fault, type HumanOutcome, type SimulatorState } from './state';
import {
  createTextThread,
  type SimulatedTextThread,
  type StartTextThreadOptions,
} from './text-thread';
import { createTexting } from './texting';
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
  /**
   * How the people dialed by `POST /calls` answer when `humans.next()` scripted nothing.
   * Default: `answer` after ringing 50 ms.
   */
  humans?: { outcome?: HumanOutcome; ringMs?: number };
  port?: number;
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
  /**
   * An SMS thread from `from` to our number `to` (the same thread again for the same pair).
   * Nothing is delivered until its first `send`.
   */
  startTextThread(options?: StartTextThreadOptions): SimulatedTextThread;
  /** The people `POST /calls` dials: script how they answer, reach their legs. */
  readonly humans: Humans;
  /** A person takes the conversation: owner `agent`, `conversation_updated` delivered. */
  assignAgent(conversationId: string, agentId: string): Promise<void>;
  /** Nobody owns the conversation any more: `conversation_updated` delivered. */
  releaseAgent(conversationId: string): Promise<void>;
  /** Delivers raw envelopes (e.g. an unknown type). */
  deliver(envelopes: Envelope[], options?: DeliveryOptions): Promise<void>;
  /** Makes matching REST requests fail. */
  fail(fault: Fault): void;
  /**
   * Resolves when `check()` holds (checked after every delivery attempt, spoken line, flush,
   * Speaking session created or stopped, sent text, fetch, conference change, dialed leg change
   * and music-on-hold change); rejects after `timeoutMs`.
   */
  waitUntil(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts a local VoIPBin stand-in: the REST endpoints a gateway uses (speakings, calls,
 * conferences, transcribes, customer, flows, numbers, conversations, messages), calls and SMS
 * threads played from the other side, people answering the calls it dials, and signed webhook
 * delivery as SPEC.md §7 describes.
 *
 * @example
 * const simulator = await startSimulator({ webhookUri: 'http://127.0.0.1:3002/voipbin/webhook' });
 * const thread = simulator.startTextThread();
 * await thread.send('Are you open on Sunday?');
 * const [reply] = await thread.waitForReplies(1);
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
  const hangups = new Map<string, (by: 'local' | 'remote') => Promise<void>>();
  const texting = createTexting({
    state,
    deliver: (envelopes, delivery) => sender.deliver(envelopes, delivery),
    defaultDelivery: () => simulator.delivery,
    onSent: wake,
  });
  const background = createBackground({
    deliver: (envelopes, delivery) => sender.deliver(envelopes, delivery),
    defaultDelivery: () => simulator.delivery,
  });
  const clock = createClock();
  const conferences = createConferences({ state, background, clock, changed: wake });
  const humans = createHumanLegs({
    state,
    conferences,
    background,
    clock,
    changed: wake,
    waitUntil: (...args) => simulator.waitUntil(...args),
    defaults: options.humans,
  });
  const api = createSimulatorApi(state, {
    changed: wake,
    hangup: async (callId) => hangups.get(callId)?.('local'),
    humans,
    conferences,
    texting,
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
    humans,
    startCall: (callOptions) =>
      startSimulatedCall(
        {
          state,
          simulator,
          register: (callId, hangup) => hangups.set(callId, hangup),
          conferences,
          background,
          changed: wake,
        },
        callOptions,
      ),
    startTextThread: (threadOptions) =>
      createTextThread(
        { state, texting, waitUntil: (...args) => simulator.waitUntil(...args) },
        threadOptions,
      ),
    async assignAgent(conversationId, agentId) {
      await texting.setOwner(conversationOf(conversationId), 'agent', agentId);
    },
    async releaseAgent(conversationId) {
      await texting.setOwner(conversationOf(conversationId), '', nilUuid);
    },
    async close() {
      background.close();
      conferences.close();
      sender.close();
      await Promise.all([texting.settled(), background.settled()]);
      await server.close();
    },
  };
  const conversationOf = (conversationId: string) => {
    const conversation = state.conversations.get(conversationId);
    if (!conversation) throw new Error(`Simulator: no conversation ${conversationId} (text first)`);
    return conversation;
  };
  return simulator;
}
