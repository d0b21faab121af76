/**
 * A turn kept in conversation history: what the user said, what the assistant answered, and
 * what a person of the business's team wrote while the conversation was handed to them.
 */
export type HistoryMessage = {
  /** `operator`: a person of the business's team (see `createHandoffDesk`). */
  role: 'user' | 'assistant' | 'operator';
  /** The text; for the assistant, the reply as rendered for its channel. */
  content: string;
  /** ISO-8601 time the message was created. */
  createdAt: string;
  /** The channel the message came through or was rendered for. */
  channel?: string;
  /** The caller's event id (e.g. a webhook id), for idempotency. */
  eventId?: string;
  /**
   * For the assistant: the user cut the reply short (barge-in); `content` is only what was
   * heard. The model is told so when this message is sent back to it.
   */
  interrupted?: true;
  /** For an operator: the name they gave, shown to the customer. */
  name?: string;
};

/** A tool call requested by the model. */
export type ToolCall = {
  id: string;
  name: string;
  /** The arguments as the model produced them: a JSON string. */
  input: string;
};

/** A message as sent to a model. */
export type ModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** Why a model stopped producing output. */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'other';

/** One part of a model's streamed output. */
export type ChatStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'finish'; finishReason: FinishReason };
