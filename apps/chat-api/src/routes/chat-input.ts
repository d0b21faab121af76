import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { apiError } from '../http/handle-error';
import type { RateLimits } from '../http/rate-limit';
import { enforceLimit } from '../http/rate-limit';
import type { ChatRequestBody } from '../protocol';
import type { Sessions } from '../sessions';

/** The longest message a visitor may send, in characters. */
export const maxMessageLength = 4000;

const requiredString = (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : 'must be a string';

const sessionId = z.string({ error: 'must be a string' }).max(200, 'is not a valid session id');

/** The body of `POST /chat` and `POST /chat/stream`. */
export const chatBodySchema = z.object(
  {
    session_id: sessionId.nullish(),
    message: z
      .string({ error: requiredString })
      .trim()
      .min(1, 'must not be empty')
      .max(maxMessageLength, `must be at most ${maxMessageLength} characters`),
  },
  { error: 'The body must be a JSON object' },
);

/** The query of `GET /chat/history`. */
export const historyQuerySchema = z.object({
  session_id: z.string({ error: requiredString }).min(1, 'must not be empty').max(200),
});

/** zod-validator hook: a failed validation is thrown, so the error handler maps it to a 400. */
export function rejectInvalid(result: { success: boolean; error?: unknown }): void {
  if (!result.success) throw result.error;
}

/** Refuses a body that is not declared as JSON (415) instead of reading it as empty. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw apiError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  await next();
};

/** A new session when none is given; the given one only if this service issued it. */
function resolveSession(sessions: Sessions, given: string | null | undefined): string {
  if (given === undefined || given === null) return sessions.issue();
  if (!sessions.verify(given)) throw invalidSession();
  return given;
}

/** The 403 for a session id this service never issued. */
export function invalidSession() {
  return apiError(403, 'invalid_session', 'Unknown session; start a new one with POST /sessions', {
    field: 'session_id',
  });
}

const idempotencyKey = /^[\w.:-]{1,200}$/;

/** The optional `Idempotency-Key` header: a retried request with the same key is answered once. */
function eventIdOf(c: Context): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!idempotencyKey.test(key)) {
    throw apiError(
      400,
      'invalid_input',
      'Idempotency-Key: 1-200 characters of A-Z a-z 0-9 _ . : -',
      {
        field: 'Idempotency-Key',
      },
    );
  }
  return key;
}

/** What {@link openTurn} needs: the sessions it checks and the per-session limit it counts. */
export type TurnDependencies = { sessions: Sessions; limits: Pick<RateLimits, 'session'> };

/** One visitor turn, as both chat routes hand it to the assistant. */
export type ChatTurn = { sessionId: string; text: string; eventId: string | undefined };

/**
 * What `POST /chat` and `POST /chat/stream` do before the turn: read the `Idempotency-Key`,
 * resolve the session (a new one when none is given) and count the per-session limit. The
 * session goes out in `X-Session-Id` first, also on errors: a new session's visitor can retry in
 * the session that kept the message.
 */
export async function openTurn(
  c: Context,
  deps: TurnDependencies,
  body: ChatRequestBody,
): Promise<ChatTurn> {
  const eventId = eventIdOf(c);
  const sessionId = resolveSession(deps.sessions, body.session_id);
  c.header('X-Session-Id', sessionId);
  await enforceLimit(deps.limits.session, `session:${sessionId}`);
  return { sessionId, text: body.message, eventId };
}
