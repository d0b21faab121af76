import { AiCoreError } from '../errors';
import type { Handoff } from '../handoff';
import type { HistoryStore } from '../history-store';
import type { HistoryMessage } from '../messages';
import { sleep } from '../sleep';

/** What the turn's owner learns from loading history (and the conversation's handoff state). */
export type TurnStart =
  | { kind: 'run'; messages: HistoryMessage[]; handoff: Handoff | undefined }
  | { kind: 'replay'; reply: string; handoff: Handoff | undefined };

/** Loads history (one round trip) and, with an event id, claims it; waits while another call owns it. */
export async function startTurn(
  history: HistoryStore,
  conversationId: string,
  limit: number,
  eventId: string | undefined,
  signal: AbortSignal,
): Promise<TurnStart> {
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    const loaded = await loadHistory(history, conversationId, limit, eventId);
    const { handoff } = loaded;
    if (!loaded.claim || loaded.claim.status === 'claimed') {
      return { kind: 'run', messages: loaded.messages, handoff };
    }
    if (loaded.claim.status === 'done') {
      return { kind: 'replay', reply: loaded.claim.reply, handoff };
    }
    // Another call is answering this very event: wait for its reply instead of answering twice.
    await sleep(Math.min(20 * 1.5 ** attempt, 250), signal);
  }
}

async function loadHistory(
  history: HistoryStore,
  conversationId: string,
  limit: number,
  eventId: string | undefined,
) {
  try {
    return await history.load(conversationId, { limit, ...(eventId ? { claim: eventId } : {}) });
  } catch (error) {
    throw asHistoryError(error);
  }
}

/** Any failure of the store, as `history_unavailable`. */
export function asHistoryError(error: unknown): AiCoreError {
  if (AiCoreError.isInstance(error)) return error;
  return new AiCoreError('history_unavailable', {
    message: 'The conversation history could not be reached',
    cause: error,
  });
}
