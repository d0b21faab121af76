import type {
  ChatHandoffStatus,
  ChatHistoryMessage,
  ChatHistoryResponseBody,
  ChatReplyHandoff,
  ChatRequestBody,
  ChatStreamEventMap,
  ChatStreamEventName,
  SessionResponseBody,
} from '@org/chat-api/protocol';
import { ChatClientError, errorFromResponse } from './chat-client-error';
import { createSseParser, type SseEvent } from './sse-parser';

/** A message of a conversation, as `GET /chat/history` returns it. */
export type ChatMessage = ChatHistoryMessage;

/** A conversation as `GET /chat/history` returns it: its messages and handoff state. */
export type ChatHistory = { messages: ChatMessage[]; handoff: ChatHandoffStatus | null };

/** One message to send through `POST /chat/stream`. */
export type StreamRequest = {
  /** Omit to start a new session; the server's id arrives through `onSession`. */
  sessionId?: string | undefined;
  message: string;
  /** Sent as `Idempotency-Key`: a retry with the same key is never answered twice. */
  idempotencyKey: string;
  /** Each streamed piece of the answer, in order. */
  onDelta(text: string): void;
  /** The session the server used (`X-Session-Id`), also when the request then fails. */
  onSession?(sessionId: string): void;
  signal?: AbortSignal;
};

/** The finished answer of a streamed turn. */
export type StreamResult = {
  sessionId: string;
  /** `''` while a person of the team has the conversation: there is no assistant reply. */
  response: string;
  /** Present when the conversation is with (or was to be given to) a person. */
  handoff?: ChatReplyHandoff;
};

/** The chat-api calls the widget makes. Failures are {@link ChatClientError}s. */
export type ChatClient = {
  createSession(): Promise<string>;
  history(sessionId: string, options?: { signal?: AbortSignal }): Promise<ChatHistory>;
  stream(request: StreamRequest): Promise<StreamResult>;
};

/** Options for {@link createChatClient}. */
export type ChatClientOptions = { apiUrl: string; fetch?: typeof fetch };

const offline = (cause: unknown) =>
  new ChatClientError('offline', 'The chat server could not be reached', { cause });

/** A client of chat-api at `apiUrl` (`fetch` injectable for tests). */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const base = options.apiUrl.replace(/\/+$/, '');
  const call = async (
    path: string,
    init?: RequestInit,
    onResponse?: (response: Response) => void,
  ): Promise<Response> => {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(`${base}${path}`, init);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      throw offline(error);
    }
    onResponse?.(response);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  };

  return {
    async createSession() {
      const response = await call('/sessions', { method: 'POST' });
      return ((await response.json()) as SessionResponseBody).session_id;
    },

    async history(sessionId, { signal } = {}) {
      const response = await call(
        `/chat/history?session_id=${encodeURIComponent(sessionId)}`,
        signal ? { signal } : undefined,
      );
      const body = (await response.json()) as Partial<ChatHistoryResponseBody>;
      return { messages: body.messages ?? [], handoff: body.handoff ?? null };
    },

    async stream(request) {
      const response = await call(
        '/chat/stream',
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': request.idempotencyKey,
          },
          body: JSON.stringify({
            session_id: request.sessionId ?? null,
            message: request.message,
          } satisfies ChatRequestBody),
          ...(request.signal ? { signal: request.signal } : {}),
        },
        // Also on an error response: the session kept the message, a retry must reuse it.
        (answer) => {
          const sessionId = answer.headers.get('X-Session-Id');
          if (sessionId) request.onSession?.(sessionId);
        },
      );
      return readAnswer(response, request.onDelta, request.signal);
    },
  };
}

/** An event's data as received: the server's shape, every field possibly missing. */
type Received<TName extends ChatStreamEventName> = Partial<ChatStreamEventMap[TName]>;

async function readAnswer(
  response: Response,
  onDelta: (text: string) => void,
  signal: AbortSignal | undefined,
): Promise<StreamResult> {
  let result: StreamResult | undefined;
  let failure: ChatClientError | undefined;
  const parser = createSseParser((event: SseEvent) => {
    if (result || failure) return;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch (error) {
      failure = new ChatClientError('server', 'The answer could not be read', { cause: error });
      return;
    }
    // What arrived is not checked: each field may be missing. Unknown events are skipped.
    const name = event.event as ChatStreamEventName;
    switch (name) {
      case 'text-delta': {
        onDelta((data as Received<'text-delta'>).text ?? '');
        break;
      }
      case 'reply': {
        const reply = data as Received<'reply'>;
        result = {
          sessionId: reply.session_id ?? '',
          response: reply.response ?? '',
          ...(reply.handoff ? { handoff: reply.handoff } : {}),
        };
        break;
      }
      case 'error': {
        const error = data as Received<'error'>;
        failure = new ChatClientError('server', error.message ?? 'The answer failed', {
          ...(error.code ? { code: error.code } : {}),
        });
        break;
      }
      default:
        name satisfies never;
    }
  });
  if (!response.body) throw new ChatClientError('server', 'The answer had no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    while (!result && !failure) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw offline(error);
  } finally {
    parser.end();
    reader.cancel().catch(() => {});
  }
  if (failure) throw failure;
  if (!result) throw new ChatClientError('server', 'The answer was cut short');
  return result;
}
