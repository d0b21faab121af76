import type { SentText, SimulatorState } from './state';
import type { Texting } from './texting';
import type { DeliveryOptions } from './webhooks';

/** Options for `Simulator.startTextThread`. */
export type StartTextThreadOptions = {
  /** The sender. Default `+15557654321`. */
  from?: string;
  /** Our number. Default: the account's first number. */
  to?: string;
  /** How this thread's webhooks, echoes included, are delivered (default: the simulator's). */
  delivery?: DeliveryOptions;
};

/** Options for {@link SimulatedTextThread.send}. */
export type SendTextOptions = {
  delivery?: DeliveryOptions;
};

/** An SMS thread between a sender and one of our numbers, driven from the sender's side. */
export type SimulatedTextThread = {
  /** Known before the first text; the conversation itself appears with it, as in VoIPBin. */
  readonly conversationId: string;
  /** The sender (the conversation's `peer`). */
  readonly from: string;
  /** Our number (the conversation's `self`). */
  readonly to: string;
  /**
   * The sender texts `text`: delivers `message_created` (inbound), `conversation_created` on the
   * thread's first text only, and `conversation_message_created` (incoming), signed and retried
   * like call webhooks. Resolves with the SMS id (also the conversation message id).
   */
  send(text: string, options?: SendTextOptions): Promise<string>;
  /** What the bot texted to this thread so far. */
  replies(): SentText[];
  /** Resolves once the bot texted `count` replies to this thread. */
  waitForReplies(count: number, timeoutMs?: number): Promise<SentText[]>;
};

/** What a thread needs from the simulator. */
export type TextThreadDependencies = {
  state: SimulatorState;
  texting: Texting;
  waitUntil: (check: () => boolean, timeoutMs?: number, what?: string) => Promise<void>;
};

/** A new (or the existing) thread between `from` and `to`. */
export function createTextThread(
  dependencies: TextThreadDependencies,
  options: StartTextThreadOptions = {},
): SimulatedTextThread {
  const { state, texting } = dependencies;
  const from = options.from ?? '+15557654321';
  const to = options.to ?? [...state.numbers.values()][0]?.number ?? '+15550100';
  const conversationId = texting.thread(to, from, options.delivery);
  const thread: SimulatedTextThread = {
    conversationId,
    from,
    to,
    send: (text, sendOptions = {}) => texting.receive(conversationId, text, sendOptions.delivery),
    replies: () => state.sentTexts.filter((text) => text.conversationId === conversationId),
    async waitForReplies(count, timeoutMs) {
      await dependencies.waitUntil(
        () => thread.replies().length >= count,
        timeoutMs,
        `${count} text(s) sent to conversation ${conversationId}`,
      );
      return thread.replies();
    },
  };
  return thread;
}
