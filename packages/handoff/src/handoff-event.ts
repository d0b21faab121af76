import type { HandoffReason, HistoryMessage } from '@org/ai-core';
import { z } from 'zod';

/** How many of the newest messages an event's transcript carries. */
export const transcriptLength = 20;

/**
 * The body of every delivery to the business's webhook. `handoff.started`: a person is asked
 * to take the conversation now. `handoff.callback_requested`: nobody was available; the customer
 * waits to be called or written back.
 */
export const handoffEventSchema = z.object({
  type: z.enum(['handoff.started', 'handoff.callback_requested']),
  /** The same on every retry of one delivery: deduplicate on it. */
  deliveryId: z.string(),
  /** ISO-8601 time the event was created (not the attempt). */
  createdAt: z.string(),
  channel: z.string(),
  conversationId: z.string(),
  reason: z.enum(['customer_request', 'cannot_help']),
  /** One or two sentences for the person taking over. */
  summary: z.string(),
  /** The newest messages, oldest first (at most {@link transcriptLength}). */
  transcript: z.array(
    z.object({
      role: z.enum(['user', 'assistant', 'operator']),
      content: z.string(),
      createdAt: z.string(),
      name: z.string().optional(),
    }),
  ),
  /** What the channel knows of the customer: the caller's or texter's number. */
  customer: z.object({ phone: z.string().optional() }).optional(),
});

/** A delivery's body, as the business receives it (parse it with {@link handoffEventSchema}). */
export type HandoffEvent = z.infer<typeof handoffEventSchema>;

/** A message of a transcript: a `HistoryMessage` fits. */
export type TranscriptMessage = Pick<HistoryMessage, 'role' | 'content' | 'createdAt' | 'name'>;

/** What the app tells `notify`: an event without its delivery id and time, any length of history. */
export type HandoffNotice = {
  type: HandoffEvent['type'];
  channel: string;
  conversationId: string;
  reason: HandoffReason;
  summary: string;
  /** The conversation's messages, oldest first; the newest {@link transcriptLength} are sent. */
  transcript: readonly TranscriptMessage[];
  customer?: { phone?: string };
};

/** The event sent for `notice`: its newest messages only, each with the fields a person reads. */
export function toHandoffEvent(
  notice: HandoffNotice,
  deliveryId: string,
  createdAt: Date,
): HandoffEvent {
  return {
    type: notice.type,
    deliveryId,
    createdAt: createdAt.toISOString(),
    channel: notice.channel,
    conversationId: notice.conversationId,
    reason: notice.reason,
    summary: notice.summary,
    transcript: notice.transcript
      .slice(-transcriptLength)
      .map(({ role, content, createdAt, name }) => ({
        role,
        content,
        createdAt,
        ...(name !== undefined ? { name } : {}),
      })),
    ...(notice.customer ? { customer: notice.customer } : {}),
  };
}
