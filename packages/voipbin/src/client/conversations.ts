import { conversationSchema, type VoipbinConversation } from '../events/conversation';
import {
  conversationMessageSchema,
  type VoipbinConversationMessage,
} from '../events/conversation-message';
import { type RequestOptions, requestJson } from './request';

/** `/conversations`: SMS (and LINE, WhatsApp, webchat) threads, one per (our number, sender). */
export type ConversationsResource = {
  /** `GET /conversations/{id}`: e.g. whether an agent owns it (`owner_type`, `owner_id`). */
  get(conversationId: string): Promise<VoipbinConversation>;
  /**
   * `POST /conversations/{id}/messages` `{"text", "medias": []}`: replies on the conversation's
   * channel. Resolves with the message, `status: progressing`; the outcome arrives as
   * `conversation_message_updated` (`done` = accepted, not delivered). Not idempotent and no
   * idempotency key exists: retried only when VoIPBin certainly did not act; after a timeout or
   * a 500 (`mayHaveTakenEffect`) the text may have gone out, so do not send it again blindly.
   */
  sendMessage(conversationId: string, text: string): Promise<VoipbinConversationMessage>;
};

/** The conversations resource over `request`. */
export function createConversationsResource(request: RequestOptions): ConversationsResource {
  const path = (conversationId: string) => `/conversations/${encodeURIComponent(conversationId)}`;
  return {
    get: (conversationId) =>
      requestJson(request, { method: 'GET', path: path(conversationId) }, conversationSchema),
    sendMessage: (conversationId, text) =>
      requestJson(
        request,
        {
          method: 'POST',
          path: `${path(conversationId)}/messages`,
          body: { text, medias: [] },
        },
        conversationMessageSchema,
      ),
  };
}
