import { type Listening, listen } from '@org/runtime';
import { Hono } from 'hono';
import { nilUuid } from '../wire';
import { type SimulatedCall, type StartCallOptions, startSimulatedCall } from './call';
import type { Envelope } from './events';
import { createSimulatorState, type Fault, type SimulatorState } from './state';
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
   * Speaking session created or stopped, and sent text); rejects after `timeoutMs`.
   */
  waitUntil(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts a local VoIPBin stand-in: the REST endpoints a gateway uses (speakings, talk,
 * transcribes, customer, flows, numbers, conversations, messages), calls and SMS threads
 * played from the other side, and signed webhook delivery as SPEC.md §7 describes.
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
  const calls = new Map<string, { hangup: () => Promise<void> }>();
  const texting = createTexting({
    state,
    deliver: (envelopes, delivery) => sender.deliver(envelopes, delivery),
    defaultDelivery: () => simulator.delivery,
    onSent: wake,
  });
  const api = createSimulatorApi(state, {
    changed: wake,
    hangup: async (callId) => calls.get(callId)?.hangup(),
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
    startCall: (callOptions) =>
      startSimulatedCall(
        { state, simulator, register: (call) => calls.set(call.id, call) },
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
      sender.close();
      await texting.settled();
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
