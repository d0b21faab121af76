import { createHash } from 'node:crypto';
import type { DeliverOperatorMessage } from '@org/handoff';
import type { Logger } from '@org/runtime';
import { VoipbinApiError, type VoipbinClient } from '@org/voipbin';
import type { StateStore } from '../../state/state-store';
import { keys } from './keys';
import { toOperatorTexts } from './operator-text';

/** Options for {@link createOperatorDelivery}. */
export type OperatorDeliveryOptions = {
  voipbin: Pick<VoipbinClient, 'conversations'>;
  store: StateStore;
  logger: Logger;
  /** How long a sent message is remembered as sent, in ms. */
  ttlMs: number;
};

/**
 * Sends an operator's message (stored by the operator API) to the texter, by SMS on the same
 * path as the assistant's replies (`POST /conversations/{id}/messages`), rendered for SMS
 * ({@link toOperatorTexts}: one text, or several for a long message). Each stored message is
 * sent once, across instances: the operator API stores a message once per `messageId`, and this
 * claims the stored message before its first send. A send that may have landed is never
 * repeated (it is logged); it rejects, so the operator API answers 502, only when the texter
 * certainly got nothing.
 */
export function createOperatorDelivery(options: OperatorDeliveryOptions): DeliverOperatorMessage {
  const { voipbin, store, logger, ttlMs } = options;
  return async (conversationId, message) => {
    // The stored message is its own id: the API hands over no `messageId`, and two messages
    // never share a conversation, a time, an author and a text.
    const id = createHash('sha256')
      .update(JSON.stringify([conversationId, message.createdAt, message.name, message.content]))
      .digest('hex');
    if (!(await store.claim(keys.operatorSent(id), ttlMs))) {
      logger.warn({ conversationId }, 'operator message sent before: not sent again');
      return;
    }
    const texts = toOperatorTexts(message.content);
    for (const [index, text] of texts.entries()) {
      try {
        // One after the other: VoIPBin sends each on its own, and the order matters.
        await voipbin.conversations.sendMessage(conversationId, text);
      } catch (error) {
        const mayHaveLanded = !(error instanceof VoipbinApiError) || error.mayHaveTakenEffect;
        const fields = { conversationId, err: error, part: index + 1, parts: texts.length };
        if (index === 0 && !mayHaveLanded) {
          await store.delete(keys.operatorSent(id));
          logger.error(fields, 'operator message not sent');
          throw error;
        }
        // Part of it reached the texter, or may have: nothing is repeated.
        logger.error({ ...fields, mayHaveLanded }, 'operator message cut short: not repeated');
        return;
      }
    }
    logger.info({ conversationId, parts: texts.length }, 'operator message sent by SMS');
  };
}
