import type { ChatStreamPart, ModelMessage } from './messages';

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

/** Per-call options for {@link ChatModel.stream}. */
export type ChatCallOptions = {
  /** Aborts the call: the model must stop and its iterator end or throw promptly. */
  signal?: AbortSignal;
};

/**
 * The port every model implements: stream one step of a conversation.
 * Failures are thrown as `AiCoreError` (`model_unavailable`, `model_timeout`, `rate_limited`).
 */
export type ChatModel = {
  /** Identifies the model in logs, e.g. `gpt-4o-mini` or `knowledge`. */
  readonly modelId: string;
  /** Streams the model's answer as parts, ending with one `finish` part. */
  stream(request: ChatRequest, options?: ChatCallOptions): AsyncIterable<ChatStreamPart>;
};
