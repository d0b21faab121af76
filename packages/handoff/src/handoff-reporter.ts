import type { HistoryMessage, HistoryStore, ReplyHandoff } from '@org/ai-core';
import type { Logger } from '@org/runtime';
import { transcriptLength } from './handoff-event';
import type { HandoffNotifier } from './handoff-notifier';

/** What a channel reports: a handoff the assistant started, or that found nobody available. */
export type HandoffReport = {
  channel: string;
  conversationId: string;
  handoff: Pick<ReplyHandoff, 'state' | 'reason' | 'summary'>;
  /** What the channel knows of the customer (the caller's or texter's number). */
  customer?: { phone?: string };
};

/** Tells the business of a handoff; never rejects. */
export type HandoffReporter = (report: HandoffReport) => Promise<void>;

/** Options for {@link createHandoffReporter}. */
export type HandoffReporterOptions = {
  /** The business's webhook; without one, reports are only logged. */
  notifier: HandoffNotifier | undefined;
  /** Where the transcript is read from: the assistant's history store. */
  history: Pick<HistoryStore, 'load'>;
  logger: Logger;
};

/**
 * Turns a handoff into a delivery to the business's webhook, with the conversation's newest
 * messages as its transcript: `started` → `handoff.started`, `unavailable` →
 * `handoff.callback_requested`; `active` (a person already has it) sends nothing. Every channel
 * reports through it the same way.
 *
 * @example
 * ```ts
 * const report = createHandoffReporter({ notifier, history, logger })
 * const reply = await assistant.reply({ conversationId, channel: 'chat', text })
 * if (reply.handoff && !reply.replayed) void report({ channel: 'chat', conversationId, handoff: reply.handoff })
 * ```
 */
export function createHandoffReporter(options: HandoffReporterOptions): HandoffReporter {
  const { notifier, history, logger } = options;
  return async ({ channel, conversationId, handoff, customer }) => {
    if (handoff.state === 'active') return;
    const type = handoff.state === 'started' ? 'handoff.started' : 'handoff.callback_requested';
    if (!notifier) {
      logger.info({ conversationId, type }, 'no HANDOFF_WEBHOOK_URL: the business is not told');
      return;
    }
    let transcript: HistoryMessage[] = [];
    try {
      ({ messages: transcript } = await history.load(conversationId, { limit: transcriptLength }));
    } catch (error) {
      // The business still hears of it, with the summary alone.
      logger.warn({ conversationId, err: error }, 'handoff transcript unavailable');
    }
    try {
      await notifier.notify({
        type,
        channel,
        conversationId,
        reason: handoff.reason,
        summary: handoff.summary,
        transcript,
        ...(customer ? { customer } : {}),
      });
    } catch (error) {
      logger.error({ conversationId, err: error }, 'handoff not sent to the webhook');
    }
  };
}
