import type { Logger } from '@org/runtime';
import { nilUuid, type VoipbinClient, type VoipbinConversation } from '@org/voipbin';
import type { StateStore } from '../../state/state-store';
import { keys } from './keys';

/** Which conversations a person (a VoIPBin agent) has taken over. */
export type Owners = {
  /** Remembers the owner a `conversation_created` / `conversation_updated` event carries. */
  remember(conversation: VoipbinConversation): Promise<void>;
  /** True when an agent owns the conversation: the assistant must stay quiet. */
  ownedByAgent(conversationId: string): Promise<boolean>;
};

const agentOf = (conversation: VoipbinConversation): string =>
  conversation.owner_type === 'agent' && conversation.owner_id && conversation.owner_id !== nilUuid
    ? conversation.owner_id
    : '';

/**
 * Caches each conversation's owner from its events; a conversation whose events have not been
 * seen (they come in any order) is looked up once with `GET /conversations/{id}`.
 */
export function createOwners(options: {
  store: StateStore;
  voipbin: Pick<VoipbinClient, 'conversations'>;
  logger: Logger;
  ttlMs: number;
}): Owners {
  const { store, voipbin, logger, ttlMs } = options;
  return {
    async remember(conversation) {
      await store.set(keys.owner(conversation.id), agentOf(conversation), ttlMs);
    },
    async ownedByAgent(conversationId) {
      const known = await store.get<string>(keys.owner(conversationId));
      if (known !== undefined) return known !== '';
      try {
        const owner = agentOf(await voipbin.conversations.get(conversationId));
        await store.set(keys.owner(conversationId), owner, ttlMs);
        return owner !== '';
      } catch (error) {
        // Not knowing must not leave a customer unanswered: the assistant answers.
        logger.warn({ conversationId, err: error }, 'conversation owner unknown: answering');
        return false;
      }
    },
  };
}
