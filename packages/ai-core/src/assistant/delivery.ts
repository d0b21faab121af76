import type { HistoryMessage } from '../messages';
import type { Delivery, ReplyInput } from './types';
import { parseDelivery } from './validate';

/** What history keeps of a turn: the messages to append, and the reply to settle its event with. */
export type TurnRecord = {
  messages: HistoryMessage[];
  /** `undefined` when the turn was withdrawn: its event is released, not settled. */
  reply: string | undefined;
};

/**
 * Hands the rendered reply to the channel. A rejection, or a value that is not a `Delivery`,
 * counts as `{ kept: true }`: the reply may have been heard, and ai-core has no logger to report
 * to, so the safe answer is to keep it whole.
 */
export async function deliverReply(
  deliver: NonNullable<ReplyInput['deliver']>,
  reply: string,
): Promise<Delivery> {
  try {
    return parseDelivery(await deliver(reply)) ?? { kept: true };
  } catch {
    return { kept: true };
  }
}

/**
 * What history keeps of a delivered turn: nothing when withdrawn; the user's message and the
 * whole reply when kept; when interrupted, only what was heard, marked, and no assistant message
 * at all when nothing was heard.
 */
export function toTurnRecord(
  delivery: Delivery,
  userMessages: HistoryMessage[],
  reply: HistoryMessage,
): TurnRecord {
  if (!delivery.kept) return { messages: [], reply: undefined };
  if (delivery.heard === undefined) {
    return { messages: [...userMessages, reply], reply: reply.content };
  }
  const heard: HistoryMessage = { ...reply, content: delivery.heard, interrupted: true };
  return {
    messages: heard.content ? [...userMessages, heard] : userMessages,
    reply: heard.content,
  };
}
