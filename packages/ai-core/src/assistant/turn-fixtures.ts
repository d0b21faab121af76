import type { HistoryStore } from '../history-store';
import type { ReplyInput } from './types';

/** What the assistant tests share: the instructions, a turn of conversation `c1`, and its history. */
export const instructions = 'You are the assistant of Harbor Lane Books.';

/** A chat turn of conversation `c1`. */
export const turn = (text: string, extra: Partial<ReplyInput> = {}): ReplyInput => ({
  conversationId: 'c1',
  channel: 'chat',
  text,
  ...extra,
});

/** The conversation's history as `role: content` lines, an interrupted answer marked. */
export const stored = async (history: HistoryStore, id = 'c1'): Promise<string[]> =>
  (await history.load(id, { limit: 100 })).messages.map(
    (m) => `${m.role}: ${m.content}${m.interrupted ? ' (interrupted)' : ''}`,
  );
