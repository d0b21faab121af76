import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { RouteDependencies } from '../app';
import { clientSignal, logFailure, toApiFailure, toErrorBody } from '../http/handle-error';

/** One streamed turn. */
export type StreamChatInput = { sessionId: string; text: string; eventId: string | undefined };

/**
 * Answers as Server-Sent Events: `text-delta` `{ text }` per delta, then `reply`
 * `{ session_id, response }` with the whole rendered reply. A failure before anything is sent
 * is a plain JSON error (e.g. 503); once streaming, it becomes an `error` event
 * `{ code, message }` and the stream ends, so an answer is never silently cut short.
 */
export async function streamChat(
  c: Context,
  deps: RouteDependencies,
  input: StreamChatInput,
): Promise<Response> {
  const left = new AbortController();
  const signal = clientSignal(c, { left: left.signal, shutdown: deps.shutdown });
  const parts = deps.assistant
    .stream({
      conversationId: input.sessionId,
      channel: 'chat',
      text: input.text,
      signal,
      ...(input.eventId ? { eventId: input.eventId } : {}),
    })
    [Symbol.asyncIterator]();
  // Wait for the first part, so that a model or store that is down gets a real status code.
  const first = await parts.next();

  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => left.abort());
    try {
      for (let next = first; !next.done; next = await parts.next()) {
        const part = next.value;
        if (part.type === 'text-delta') {
          await stream.writeSSE({ event: 'text-delta', data: JSON.stringify({ text: part.text }) });
        } else {
          const reply = { session_id: input.sessionId, response: part.reply.text };
          await stream.writeSSE({ event: 'reply', data: JSON.stringify(reply) });
        }
      }
    } catch (error) {
      // A visitor who left needs no error event; the assistant already kept their turn.
      if (left.signal.aborted || c.req.raw.signal.aborted) return;
      const failure = toApiFailure(error);
      logFailure(deps.logger, c.get('requestId') ?? 'unknown', failure, error);
      await stream.writeSSE({ event: 'error', data: JSON.stringify(toErrorBody(failure).error) });
    } finally {
      await parts.return?.();
    }
  });
}
