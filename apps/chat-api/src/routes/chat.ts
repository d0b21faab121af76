import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { RouteDependencies } from '../app';
import { clientSignal } from '../http/handle-error';
import { enforceLimit } from '../http/rate-limit';
import {
  chatBodySchema,
  eventIdOf,
  historyQuerySchema,
  invalidSession,
  rejectInvalid,
  requireJson,
  resolveSession,
} from './chat-input';
import { streamChat } from './chat-stream';

/** How many of a session's newest messages `GET /chat/history` returns. */
export const historyLimit = 100;

/** `POST /chat`, `POST /chat/stream` and `GET /chat/history`, mounted at `/chat`. */
export function createChatRoutes(deps: RouteDependencies) {
  return new Hono()
    .post('/', requireJson, zValidator('json', chatBodySchema, rejectInvalid), async (c) => {
      const body = c.req.valid('json');
      const eventId = eventIdOf(c);
      const sessionId = resolveSession(deps.sessions, body.session_id);
      // Also on errors: a new session's visitor can retry in the session that kept the message.
      c.header('X-Session-Id', sessionId);
      await enforceLimit(deps.limits.session, `session:${sessionId}`);
      const turn = clientSignal(c, { shutdown: deps.shutdown });
      try {
        const reply = await deps.assistant.reply({
          conversationId: sessionId,
          channel: 'chat',
          text: body.message,
          signal: turn.signal,
          ...(eventId ? { eventId } : {}),
        });
        return c.json({ session_id: sessionId, response: reply.text });
      } finally {
        turn.release();
      }
    })
    .post('/stream', requireJson, zValidator('json', chatBodySchema, rejectInvalid), async (c) => {
      const body = c.req.valid('json');
      const eventId = eventIdOf(c);
      const sessionId = resolveSession(deps.sessions, body.session_id);
      // Also on errors: a new session's visitor can retry in the session that kept the message.
      c.header('X-Session-Id', sessionId);
      await enforceLimit(deps.limits.session, `session:${sessionId}`);
      return streamChat(c, deps, { sessionId, text: body.message, eventId });
    })
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
