// chat-api's wire format, as types only (`@org/chat-api/protocol`): nothing here exists at run
// time and nothing is imported, so a browser bundle can import it for free. The routes check
// what they send against these types, so a change to the wire breaks the build of its clients.
//
// Headers: a request may carry `Idempotency-Key` (1-200 of A-Z a-z 0-9 _ . : -) to be answered
// once; `POST /chat` and `/chat/stream` answer with `X-Session-Id` (also on an error), every
// response with `X-Request-Id`, and a 429 or 503 with `Retry-After` (seconds).

/** The body of `POST /chat` and `POST /chat/stream` (sent as `application/json`, at most 16 kB). */
export type ChatRequestBody = {
  /** A session the server issued; omit it (or send `null`) to start a new one. */
  session_id?: string | null | undefined;
  /** What the visitor says: 1-4,000 characters once trimmed. */
  message: string;
};

/** The answer of `POST /chat`, and the data of the `reply` event of `POST /chat/stream`. */
export type ChatResponseBody = {
  /** The session the turn was kept in (a new one when the request named none). */
  session_id: string;
  /** The whole reply, rendered for the chat channel (markdown); `''` while a person has it. */
  response: string;
  /** Present when the conversation is with (or was to be given to) a person of the team. */
  handoff?: ChatReplyHandoff;
};

/** Why a conversation was handed to a person. */
export type ChatHandoffReason = 'customer_request' | 'cannot_help';

/** What a turn did about handing the conversation to a person of the business's team. */
export type ChatReplyHandoff = {
  /**
   * `started`: this message handed the conversation to the team; `response` says so.
   * `active`: a person already has it: the message reached them, `response` is `''` (show no
   * assistant reply) and their answers arrive through `GET /chat/history`.
   * `unavailable`: nobody is available now; `response` says the team will get back.
   */
  state: 'started' | 'active' | 'unavailable';
  reason: ChatHandoffReason;
};

/** A conversation's handoff state, as `GET /chat/history` returns it. */
export type ChatHandoffStatus = {
  /**
   * `active`: a person of the team has the conversation; their messages (role `operator`)
   * arrive in `GET /chat/history`, so poll it while it lasts. `callback`: nobody was
   * available; the team will get back, and the assistant answers meanwhile.
   */
  status: 'active' | 'callback';
  /** The name of the last person of the team who replied. */
  operator?: string;
};

/** The query of `GET /chat/history`. */
export type ChatHistoryQuery = { session_id: string };

/** One message of a conversation, as `GET /chat/history` returns it. */
export type ChatHistoryMessage = {
  /** `operator`: a person of the business's team, who took the conversation over. */
  role: 'user' | 'assistant' | 'operator';
  content: string;
  /** ISO 8601. */
  createdAt: string;
  /** For an operator: the name they gave. */
  name?: string;
};

/** The answer of `GET /chat/history`: the newest 100 messages, oldest first. */
export type ChatHistoryResponseBody = {
  session_id: string;
  messages: ChatHistoryMessage[];
  /** The conversation's handoff state; `null` when the assistant has it. */
  handoff: ChatHandoffStatus | null;
};

/** The answer of `POST /sessions` (status 201): a new session id, issued and signed by chat-api. */
export type SessionResponseBody = { session_id: string };

/** The answer of `GET /healthz` (the process runs) and `GET /readyz` (the history store answers). */
export type HealthResponseBody = { ok: true };

/** The data of each Server-Sent Event of `POST /chat/stream`, by event name. */
export type ChatStreamEventMap = {
  /** One piece of the answer, in order. */
  'text-delta': { text: string };
  /** The last event of an answer: the whole rendered reply. */
  reply: ChatResponseBody;
  /** The answer failed once streaming had started; the stream ends after it. */
  error: ChatApiError;
};

/** The name of an event of `POST /chat/stream`. */
export type ChatStreamEventName = keyof ChatStreamEventMap;

/** One event of `POST /chat/stream` (`event: <name>`, `data: <JSON>`). */
export type ChatStreamEvent = {
  [TName in ChatStreamEventName]: { event: TName; data: ChatStreamEventMap[TName] };
}[ChatStreamEventName];

/**
 * What went wrong, as the `code` of an error body. `shutting_down` and the 503 codes come with
 * `Retry-After`; `client_closed_request` is only ever logged (the client is gone).
 */
export type ChatApiErrorCode =
  // 400
  | 'invalid_input'
  | 'invalid_json'
  | 'bad_request'
  // 403
  | 'invalid_session'
  | 'origin_not_allowed'
  // 404, 405, 413, 415, 431
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  // 429 (too many requests), or 503 (the model provider's own limit)
  | 'rate_limited'
  // 503
  | 'model_unavailable'
  | 'model_timeout'
  | 'history_unavailable'
  | 'shutting_down'
  // 500
  | 'internal_error'
  | 'client_closed_request';

/** An error as the client sees it: in an error body, or as the `error` event's data. */
export type ChatApiError = {
  code: ChatApiErrorCode;
  /** For people; never holds internal details. */
  message: string;
  /** The request field at fault (`message`, `session_id`, `Idempotency-Key`), for a 400 or 403. */
  field?: string;
};

/** The JSON body of every error response (never an HTML page). */
export type ChatApiErrorBody = { error: ChatApiError };
