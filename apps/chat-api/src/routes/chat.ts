import { zValidator } from '@hono/zod-validator';
import type { Handoff, HistoryStore } from '@org/ai-core';
import { Hono } from 'hono';
import { notifyHandoff } from '../handoff/notify-handoff';
import { clientSignal } from '../http/handle-error';
import type { ChatHandoffStatus, ChatHistoryQuery, ChatHistoryResponseBody } from '../protocol';
import {
  chatBodySchema,
  historyQuerySchema,
  invalidSession,
  openTurn,
  rejectInvalid,
  requireJson,
  type TurnDependencies,
} from './chat-input';
import { toChatResponse } from './chat-reply';
import { type ChatStreamDependencies, streamChat } from './chat-stream';

/** What {@link createChatRoutes} needs. */
export type ChatRouteDependencies = TurnDependencies &
  ChatStreamDependencies & {
    /** The assistant's history store, read by `GET /chat/history`. */
    history: HistoryStore;
  };

const toHandoffStatus = (handoff: Handoff | undefined): ChatHandoffStatus | null =>
  handoff
    ? { status: handoff.status, ...(handoff.operator ? { operator: handoff.operator } : {}) }
    : null;

/** How many of a session's newest messages `GET /chat/history` returns. */
export const historyLimit = 100;

/** `POST /chat`, `POST /chat/stream` and `GET /chat/history`, mounted at `/chat`. */
export function createChatRoutes(deps: ChatRouteDependencies) {
  return new Hono()
    .post('/', requireJson, zValidator('json', chatBodySchema, rejectInvalid), async (c) => {
      const { sessionId, text, eventId } = await openTurn(c, deps, c.req.valid('json'));
      const turn = clientSignal(c, { shutdown: deps.shutdown });
      try {
        const reply = await deps.assistant.reply({
          conversationId: sessionId,
          channel: 'chat',
          text,
          signal: turn.signal,
          ...(eventId ? { eventId } : {}),
        });
        await notifyHandoff(deps, reply);
        return c.json(toChatResponse(sessionId, reply));
      } finally {
        turn.release();
      }
    })
    .post('/stream', requireJson, zValidator('json', chatBodySchema, rejectInvalid), async (c) =>
      streamChat(c, deps, await openTurn(c, deps, c.req.valid('json'))),
    )
    .get('/history', zValidator('query', historyQuerySchema, rejectInvalid), async (c) => {
      const query: ChatHistoryQuery = c.req.valid('query');
      const sessionId = query.session_id;
      if (!deps.sessions.verify(sessionId)) throw invalidSession();
      const { messages, handoff } = await deps.history.load(sessionId, { limit: historyLimit });
      return c.json({
        session_id: sessionId,
        messages: messages.map(({ role, content, createdAt, name }) =>
          role === 'operator'
            ? { role, content, createdAt, ...(name ? { name } : {}) }
            : { role, content, createdAt },
        ),
        handoff: toHandoffStatus(handoff),
      } satisfies ChatHistoryResponseBody);
    });
}
