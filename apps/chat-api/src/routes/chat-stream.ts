import type { Assistant, ReplyPart } from '@org/ai-core';
import type { HandoffReporter } from '@org/handoff';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { notifyHandoff } from '../handoff/notify-handoff';
import { clientSignal, logFailure, toApiFailure, toErrorBody } from '../http/handle-error';
import type { ChatStreamEventMap, ChatStreamEventName } from '../protocol';
import type { ChatTurn } from './chat-input';
import { toChatResponse } from './chat-reply';

/** What {@link streamChat} needs. */
export type ChatStreamDependencies = {
  assistant: Assistant;
  logger: Logger;
  /** Aborted at shutdown: the stream then ends with an `error` event `shutting_down`. */
  shutdown?: AbortSignal | undefined;
  /** Tells the business's webhook when a turn hands the conversation to a person. */
  report?: HandoffReporter | undefined;
};

const encoder = new TextEncoder();

/** One Server-Sent Event. JSON data holds no raw newline, so it is always a single `data:` line. */
function sseEvent<TName extends ChatStreamEventName>(
  event: TName,
  data: ChatStreamEventMap[TName],
): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Answers as Server-Sent Events: `text-delta` `{ text }` per delta, then `reply`
 * `{ session_id, response }` with the whole rendered reply. A failure before anything is sent
 * is a plain JSON error (e.g. 503); once streaming, it becomes an `error` event
 * `{ code, message }` and the stream ends, so an answer is never silently cut short.
 *
 * The body is a `ReadableStream` that pulls the assistant's parts itself (rather than
 * hono/streaming's writer feeding a TransformStream): one stream less between a token and the
 * socket, and the first event is already queued when the response starts.
 */
export async function streamChat(
  c: Context,
  deps: ChatStreamDependencies,
  input: ChatTurn,
): Promise<Response> {
  const left = new AbortController();
  const turn = clientSignal(c, { left: left.signal, shutdown: deps.shutdown });
  const parts = deps.assistant
    .stream({
      conversationId: input.sessionId,
      channel: 'chat',
      text: input.text,
      signal: turn.signal,
      ...(input.eventId ? { eventId: input.eventId } : {}),
    })
    [Symbol.asyncIterator]();
  // Wait for the first part, so that a model or store that is down gets a real status code.
  let next: IteratorResult<ReplyPart> | undefined;
  try {
    next = await parts.next();
  } catch (error) {
    turn.release();
    throw error;
  }
  let ended = false;
  let markEnded = () => {};
  c.set(
    'streamEnded',
    new Promise<void>((resolve) => {
      markEnded = resolve;
    }),
  );
  const end = () => {
    ended = true;
    turn.release();
    markEnded();
  };

  const toEvent = (part: ReplyPart) =>
    part.type === 'text-delta'
      ? sseEvent('text-delta', { text: part.text })
      : sseEvent('reply', toChatResponse(input.sessionId, part.reply));

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const result = next ?? (await parts.next());
        next = undefined;
        if (ended) return;
        if (result.done) {
          end();
          controller.close();
        } else {
          controller.enqueue(toEvent(result.value));
          // The reply is on its way to the visitor; the team is told while the stream ends.
          if (result.value.type === 'reply') await notifyHandoff(deps, result.value.reply);
        }
      } catch (error) {
        if (ended) return;
        end();
        // A visitor who left needs no error event; the assistant already kept their turn.
        if (!left.signal.aborted && !c.req.raw.signal.aborted) {
          const failure = toApiFailure(error);
          logFailure(deps.logger, c.get('requestId') ?? 'unknown', failure, error);
          controller.enqueue(sseEvent('error', toErrorBody(failure).error));
        }
        controller.close();
      }
    },
    async cancel() {
      left.abort();
      end();
      await parts.return?.();
    },
  });

  c.header('Content-Type', 'text/event-stream');
  c.header('Connection', 'keep-alive');
  c.header('X-Accel-Buffering', 'no');
  // Streamed as it comes: @hono/node-server otherwise reads ahead to compute a length.
  c.header('Transfer-Encoding', 'chunked');
  return c.body(body);
}
