import OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ChatModel, ChatRequest } from '../chat-model';
import type { ChatStreamPart, FinishReason } from '../messages';
import { toAiCoreError } from './to-ai-core-error';
import { toFinishReason, toOpenAIMessages, toOpenAITools } from './to-openai-request';
import { createToolCallAssembler } from './tool-call-assembler';

/** Options for {@link createOpenAIModel}. */
export type OpenAIModelOptions = {
  /** The model name, e.g. `gpt-4o-mini` or `llama3.1` (also the model's `modelId`). */
  model: string;
  /** A configured client; when given, `apiKey`, `baseURL`, `fetch` and `maxRetries` are ignored. */
  client?: OpenAI;
  /** The API key. Default `'not-needed'` (compatible servers such as Ollama or vLLM need none). */
  apiKey?: string;
  /** The API's base URL ending in `/v1`. Default: OpenAI's. */
  baseURL?: string;
  /** Sampling temperature; the server's default when omitted. */
  temperature?: number;
  /** Most tokens one answer may have (`max_completion_tokens`); unlimited when omitted. */
  maxOutputTokens?: number;
  /** The `fetch` the client uses. Default: the global one. */
  fetch?: typeof fetch;
  /** How often the client retries a failed request (429, 5xx, timeouts). Default: the client's (2). */
  maxRetries?: number;
};

function toParams(
  options: OpenAIModelOptions,
  request: ChatRequest,
): ChatCompletionCreateParamsStreaming {
  // `request.context` is not sent: the passages are already part of the system message.
  return {
    model: options.model,
    messages: toOpenAIMessages(request.messages),
    ...(request.tools?.length ? { tools: toOpenAITools(request.tools) } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.maxOutputTokens !== undefined
      ? { max_completion_tokens: options.maxOutputTokens }
      : {}),
    stream: true,
    stream_options: { include_usage: true },
  };
}

/**
 * A `ChatModel` backed by the OpenAI Chat Completions API or any server speaking it
 * (Ollama, vLLM, LM Studio…), using the official `openai` client.
 *
 * Streams text deltas as they come, then the tool calls once their fragments are complete,
 * then one `finish` part. Failures are thrown as `AiCoreError` (`rate_limited`, `model_timeout`,
 * `model_unavailable`); when the caller aborts `signal`, the HTTP request is aborted and the
 * iterator throws the signal's reason.
 *
 * @example
 * ```ts
 * const model = createOpenAIModel({ model: 'gpt-4o-mini', apiKey: env.OPENAI_API_KEY })
 * const local = createOpenAIModel({ model: 'llama3.1', baseURL: 'http://localhost:11434/v1' })
 * for await (const part of model.stream({ messages: [{ role: 'user', content: 'Hi' }] })) {
 *   if (part.type === 'text-delta') process.stdout.write(part.text)
 * }
 * ```
 */
export function createOpenAIModel(options: OpenAIModelOptions): ChatModel {
  const client =
    options.client ??
    new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseURL,
      fetch: options.fetch,
      maxRetries: options.maxRetries,
    });

  async function* stream(
    request: ChatRequest,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ChatStreamPart> {
    signal?.throwIfAborted();
    const toolCalls = createToolCallAssembler();
    let finishReason: FinishReason | undefined;
    try {
      const chunks = await client.chat.completions.create(toParams(options, request), { signal });
      for await (const chunk of chunks) {
        signal?.throwIfAborted();
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.delta?.content) yield { type: 'text-delta', text: choice.delta.content };
        for (const fragment of choice.delta?.tool_calls ?? []) toolCalls.add(fragment);
        if (choice.finish_reason) finishReason = toFinishReason(choice.finish_reason);
      }
    } catch (error) {
      signal?.throwIfAborted();
      throw toAiCoreError(error);
    }
    // The client ends its stream quietly when aborted: tell the caller it did not finish.
    signal?.throwIfAborted();
    if (!finishReason) {
      throw toAiCoreError(new Error('the stream ended without a finish reason'));
    }
    const calls = toolCalls.finish();
    for (const toolCall of calls) yield { type: 'tool-call', toolCall };
    // Some compatible servers say `stop` even when they called tools.
    if (calls.length > 0 && finishReason === 'stop') finishReason = 'tool-calls';
    yield { type: 'finish', finishReason };
  }

  return {
    modelId: options.model,
    stream: (request, callOptions) => stream(request, callOptions?.signal),
  };
}
