import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { RouteDependencies } from '../app';
import { clientSignal } from '../http/handle-error';
import {
  chatBodySchema,
  historyQuerySchema,
  invalidSession,
  openTurn,
  rejectInvalid,
  requireJson,
} from './chat-input';
import { streamChat } from './chat-stream';

/** How many of a session's newest messages `GET /chat/history` returns. */
export const historyLimit = 100;

/** `POST /chat`, `POST /chat/stream` and `GET /chat/history`, mounted at `/chat`. */
export function createChatRoutes(deps: RouteDependencies) {
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
        return c.json({ session_id: sessionId, response: reply.text });
      } finally {
        turn.release();
      }
    })
    .post('/stream', requireJson, zValidator('json', chatBodySchema, rejectInvalid), async (c) =>
      streamChat(c, deps, await openTurn(c, deps, c.req.valid('json'))),
    )
    .get('/history', zValidator('query', historyQuerySchema, rejectInvalid), async (c) => {
      const sessionId = c.req.valid('query').session_id;
      if (!deps.sessions.verify(sessionId)) throw invalidSession();
      const { messages } = await deps.history.load(sessionId, { limit: historyLimit });
      return c.json({
        session_id: sessionId,
        messages: messages.map(({ role, content, createdAt }) => ({ role, content, createdAt })),
      });
    });
}
