import { messageSchema, type VoipbinMessage } from '../events/message';
import type { AddressInput } from '../wire';
import { type RequestOptions, requestJson } from './request';

/** Body of `POST /messages` (MESSAGES.md §2.A). */
export type SendMessageInput = {
  /** One of the account's numbers, e.g. `{ type: 'tel', target: '+15550100' }`. */
  source: AddressInput;
  /** At least one. */
  destinations: AddressInput[];
  text: string;
};

/** `/messages`: SMS by explicit addresses, without a conversation. */
export type MessagesResource = {
  /**
   * `POST /messages`: resolves with the message (`direction: outbound`, targets `queued`).
   * Prefer `conversations.sendMessage` when a conversation id is known. Not idempotent: retried
   * only when VoIPBin certainly did not act.
   */
  send(input: SendMessageInput): Promise<VoipbinMessage>;
};

/** The messages resource over `request`. */
export function createMessagesResource(request: RequestOptions): MessagesResource {
  return {
    send: (body) =>
      requestJson(request, { method: 'POST', path: '/messages', body }, messageSchema),
  };
}
