import type { ChatStreamPart, FinishReason, ModelMessage, ToolCall } from './messages';

/** A tool as offered to a model: its input described by a JSON Schema. */
export type ModelToolDefinition = {
  name: string;
  description: string;
  /** JSON Schema of the tool's input object. */
  parameters: Record<string, unknown>;
};

/** A passage of the knowledge base, retrieved for the current question. */
export type KnowledgePassage = {
  /** Stable id: `file#heading-slug`. */
  id: string;
  /** The file the passage came from, relative to the knowledge directory. */
  source: string;
  /** The heading path, e.g. `Shipping > International`. */
  title: string;
  /** The passage's markdown body (without its heading). */
  text: string;
  /** Relevance to the question (higher is better); present on retrieved passages. */
  score?: number;
};

/** What the assistant asks of a model for one step. */
export type ChatRequest = {
  /** The conversation: system instructions first, then history, then the user's turn. */
  messages: ModelMessage[];
  /** Tools the model may call in this step. */
  tools?: ModelToolDefinition[];
  /** Knowledge passages retrieved for this turn, best first (already part of the system message). */
  context?: KnowledgePassage[];
  /** The channel the reply is for (`chat`, `voice`, `sms`, …). */
  channel?: string;
};

/** Per-call options for {@link ChatModel.stream} and {@link ChatModel.generate}. */
export type ChatCallOptions = {
  /** Aborts the call: the model must stop and its iterator end or throw promptly. */
  signal?: AbortSignal;
};

/** A whole answer to one step, as {@link ChatModel.generate} gives it. */
export type ChatGeneration = {
  /** The text of the answer (`''` when the model only called tools). */
  text: string;
  /** The tools the model called, in order (empty when none). */
  toolCalls: ToolCall[];
  /** Why the model stopped: `tool-calls` when it called tools. */
  finishReason: FinishReason;
};

/**
 * The port every model implements: stream one step of a conversation, and optionally answer it
 * whole. Failures are thrown as `AiCoreError` (`model_unavailable`, `model_timeout`,
 * `rate_limited`); when the caller aborts `signal`, the call stops and throws its reason.
 */
export type ChatModel = {
  /** Identifies the model in logs, e.g. `gpt-4o-mini` or `knowledge`. */
  readonly modelId: string;
  /** Streams the model's answer as parts, ending with one `finish` part. */
  stream(request: ChatRequest, options?: ChatCallOptions): AsyncIterable<ChatStreamPart>;
  /**
   * Optional: answers the step whole, without streaming (e.g. a non-streamed chat completion),
   * with the same text, tool calls and finish reason `stream` would give. The assistant asks for
   * it when nobody reads the text as it comes: `reply()` (not `stream()`) without `deliver`, on
   * a channel that never cuts the answer early (no `maxSentences`). A model without it is
   * streamed and its parts collected. Worth implementing when streaming costs something a
   * whole answer does not, as one parsed chunk per token does over HTTP.
   *
   * @example
   * ```ts
   * const model = createOpenAIModel({ model: 'gpt-4o-mini', apiKey })
   * const answer = await model.generate?.(request, { signal }) // stream: false
   * if (answer?.finishReason === 'tool-calls') runTools(answer.toolCalls)
   * ```
   */
  generate?(request: ChatRequest, options?: ChatCallOptions): Promise<ChatGeneration>;
};
