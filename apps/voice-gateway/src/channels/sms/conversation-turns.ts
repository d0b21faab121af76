import type { StateStore } from '../../state/state-store';
import { keys, type PendingText } from './keys';

/** One conversation's texts, answered one turn at a time. */
export type ConversationTurns = {
  /**
   * Queues a text, then answers it once the conversation is free. Texts that arrive while a
   * reply is being written are answered together in the next turn, in the order they were sent.
   */
  add(conversationId: string, text: PendingText): Promise<void>;
};

/**
 * Serialises turns per conversation across gateway instances with a lock in the state store.
 * Whoever queues a text tries the lock; the holder answers everything pending, then looks again
 * after releasing it, so a text queued at the moment of release is never left unanswered.
 * `answer` must not throw.
 */
export function createConversationTurns(options: {
  store: StateStore;
  /** The longest a turn holds the lock (it expires after a crash). */
  lockMs: number;
  ttlMs: number;
  answer: (conversationId: string, texts: PendingText[]) => Promise<void>;
}): ConversationTurns {
  const { store, lockMs, ttlMs, answer } = options;

  async function drive(conversationId: string): Promise<void> {
    while (await store.claim(keys.turn(conversationId), lockMs)) {
      try {
        const texts = await store.take<PendingText>(keys.pending(conversationId));
        // Stable: texts with the same time keep the order they arrived in.
        texts.sort((a, b) => a.at - b.at);
        if (texts.length > 0) await answer(conversationId, texts);
      } finally {
        await store.delete(keys.turn(conversationId));
      }
      if ((await store.list(keys.pending(conversationId))).length === 0) return;
    }
  }

  return {
    async add(conversationId, text) {
      await store.push(keys.pending(conversationId), text, ttlMs);
      await drive(conversationId);
    },
  };
}
