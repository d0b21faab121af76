import type { Assistant, ReplyHandoff } from '@org/ai-core';
import type { DeliverOperatorMessage, HandoffReporter } from '@org/handoff';
import type { Logger } from '@org/runtime';
import {
  timeOf,
  VoipbinApiError,
  type VoipbinClient,
  type VoipbinConversationMessage,
  type VoipbinEvent,
} from '@org/voipbin';
import { createActivity } from '../../activity';
import type { InboxChannel } from '../../inbox/inbox-channel';
import type { StateStore } from '../../state/state-store';
import { createConversationTurns } from './conversation-turns';
import type { PendingText } from './keys';
import { createOperatorDelivery } from './operator-delivery';
import { createOwners } from './owners';
import { defaultSmsSettings, type SmsSettings } from './settings';

/** Options for {@link createSmsChannel}. */
export type SmsChannelOptions = {
  assistant: Assistant;
  voipbin: Pick<VoipbinClient, 'conversations'>;
  store: StateStore;
  logger: Logger;
  settings?: Partial<SmsSettings>;
  now?: () => number;
  /** Tells the business of handoffs (`createHandoffReporter`); without it they go untold. */
  report?: HandoffReporter;
};

/** The SMS channel of the inbox, and how an operator's message reaches the texter. */
export type SmsChannel = InboxChannel & {
  /** The operator API's `deliver`: sends an operator's stored message to the texter by SMS. */
  deliverOperatorMessage: DeliverOperatorMessage;
};

/**
 * Texts by SMS, on the assistant's `sms` channel (MESSAGES.md §7). Answers each incoming
 * `conversation_message_created` of an SMS conversation with one text through
 * `POST /conversations/{id}/messages`; history is keyed by the conversation id. Ignores our
 * own outgoing texts and conversations a VoIPBin agent owns (their texts are not stored either).
 * A conversation the assistant handed to a person (issue 11) is answered by the operator API
 * instead: the assistant texts that a person will reply (or that nobody is available) and tells
 * the business, then stays quiet while the texter's messages are stored for the operator. A send
 * that failed after it may have landed is logged, never repeated.
 */
export function createSmsChannel(options: SmsChannelOptions): SmsChannel {
  const { assistant, voipbin, store, logger } = options;
  const settings: SmsSettings = { ...defaultSmsSettings, ...options.settings };
  const now = options.now ?? Date.now;
  const activity = createActivity((name, error) => {
    logger.error({ task: name, err: error }, 'SMS task failed');
  });
  const owners = createOwners({ store, voipbin, logger, ttlMs: settings.stateTtlMs });

  async function send(conversationId: string, text: string): Promise<void> {
    try {
      await voipbin.conversations.sendMessage(conversationId, text);
      logger.info({ conversationId, characters: text.length }, 'SMS reply sent');
    } catch (error) {
      // VoIPBin takes no idempotency key: a send that may have landed is never tried again.
      const mayHaveLanded = !(error instanceof VoipbinApiError) || error.mayHaveTakenEffect;
      logger.error(
        { conversationId, err: error, mayHaveLanded },
        mayHaveLanded ? 'SMS reply may have been sent: not repeated' : 'SMS reply not sent',
      );
    }
  }

  async function answer(conversationId: string, texts: PendingText[]): Promise<void> {
    let text = settings.fallbackText;
    let handoff: ReplyHandoff | undefined;
    try {
      const reply = await assistant.reply({
        conversationId,
        channel: 'sms',
        text: texts.map((pending) => pending.text).join('\n'),
        eventId: texts[0]?.id,
      });
      if (reply.replayed) {
        logger.info({ conversationId }, 'texts answered before: reply not sent again');
        return;
      }
      handoff = reply.handoff;
      if (handoff?.state === 'active') {
        // The texts are in history for the operator, who answers through the operator API.
        logger.info({ conversationId }, 'a person has the conversation: the assistant is quiet');
        return;
      }
      if (reply.text.trim() !== '') text = reply.text;
    } catch (error) {
      logger.error({ conversationId, err: error }, 'no answer to the text: sending the fallback');
    }
    await send(conversationId, text);
    if (handoff) {
      // `started`: a person takes it; `unavailable`: nobody could, a callback is requested.
      logger.info({ conversationId, handoff: handoff.state }, 'texter asked for a person');
      const phone = texts.findLast((pending) => pending.from)?.from;
      await options.report?.({
        channel: 'sms',
        conversationId,
        handoff,
        ...(phone ? { customer: { phone } } : {}),
      });
    }
  }

  const turns = createConversationTurns({
    store,
    lockMs: settings.turnLockMs,
    ttlMs: settings.stateTtlMs,
    answer,
  });

  async function onMessage(message: VoipbinConversationMessage): Promise<void> {
    const conversationId = message.conversation_id;
    // Our own replies come back as `outgoing` events: answering them would loop.
    if (message.direction !== 'incoming' || message.reference_type !== 'message') {
      logger.debug({ conversationId, direction: message.direction }, 'SMS event not for us');
      return;
    }
    const text = message.text?.trim() ?? '';
    if (text === '') {
      logger.info({ conversationId, messageId: message.id }, 'text without words: not answered');
      return;
    }
    if (await owners.ownedByAgent(conversationId)) {
      logger.info({ conversationId }, 'an agent owns the conversation: the assistant stays quiet');
      return;
    }
    await turns.add(conversationId, {
      id: message.id,
      text,
      // For an incoming message the texter is the source (MESSAGES.md §1).
      ...(message.source.target ? { from: message.source.target } : {}),
      at: timeOf(message.tm_create) ?? now(),
    });
  }

  async function dispatch(event: VoipbinEvent): Promise<void> {
    switch (event.type) {
      case 'conversation_created':
      case 'conversation_updated':
        if (event.data.type === 'message') await owners.remember(event.data);
        return;
      case 'conversation_message_created':
        // Not queued behind the conversation's turn in progress: a text that arrives meanwhile
        // must reach the pending list so that the next turn folds it in.
        return onMessage(event.data);
      default:
        return;
    }
  }

  return {
    name: 'sms',
    accepts: ['conversation_message_created', 'conversation_created', 'conversation_updated'],
    handle(event) {
      return activity.track(
        dispatch(event).catch((error: unknown) => {
          logger.error({ type: event.type, err: error }, 'SMS event handling failed');
        }),
      );
    },
    settled: () => activity.settled(),
    close: () => activity.close(),
    deliverOperatorMessage: createOperatorDelivery({
      voipbin,
      store,
      logger,
      ttlMs: settings.stateTtlMs,
    }),
  };
}
