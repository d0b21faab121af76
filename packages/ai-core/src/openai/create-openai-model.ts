import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsBase,
} from 'openai/resources/chat/completions';
import type { ChatGeneration, ChatModel, ChatRequest } from '../chat-model';
import { AiCoreError } from '../errors';
import type { ChatStreamPart, FinishReason, ToolCall } from '../messages';
import { toAiCoreError } from './to-ai-core-error';
import { toFinishReason, toOpenAIMessages, toOpenAITools } from './to-openai-request';
import { createToolCallAssembler } from './tool-call-assembler';

/** Options for {@link createOpenAIModel}. */
export type OpenAIModelOptions = {
  /** The model name, e.g. `gpt-4o-mini` or `llama3.1` (also the model's `modelId`). */
  model: string;
  /**
   * A configured client; when given, `apiKey`, `baseURL`, `fetch` and `maxRetries` are ignored,
   * and its own fetch options apply (the built client refuses redirects).
   */
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
): Omit<ChatCompletionCreateParamsBase, 'stream'> {
  // `request.context` is not sent: the passages are already part of the system message.
  return {
    model: options.model,
    messages: toOpenAIMessages(request.messages),
    ...(request.tools?.length ? { tools: toOpenAITools(request.tools) } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.maxOutputTokens !== undefined
      ? { max_completion_tokens: options.maxOutputTokens }
      : {}),
  };
}

/** The tool calls of a whole completion; throws `model_unavailable` for one without a name. */
function toToolCalls(message: ChatCompletion.Choice['message']): ToolCall[] {
  return (message.tool_calls ?? []).map((call, index) => {
    const name = call.type === 'function' ? call.function.name : '';
    if (!name) {
      throw new AiCoreError('model_unavailable', {
        message: `The model returned tool call #${index} without a function name`,
      });
    }
    const input = call.type === 'function' ? call.function.arguments : '';
    return { id: call.id || `call_${index}`, name, input: input || '{}' };
  });
}

/** A whole completion as the port's answer. */
function toGeneration(completion: ChatCompletion): ChatGeneration {
  const choice = completion.choices?.[0];
  if (!choice?.message) {
    throw new AiCoreError('model_unavailable', { message: 'The model returned no answer' });
  }
  const toolCalls = toToolCalls(choice.message);
  // A whole answer cannot have been cut off unnoticed (its JSON would not parse), so a server
  // that leaves the reason out has still answered.
  let finishReason = choice.finish_reason ? toFinishReason(choice.finish_reason) : 'other';
  // Some compatible servers say `stop` even when they called tools.
  if (toolCalls.length > 0 && finishReason === 'stop') finishReason = 'tool-calls';
  return { text: choice.message.content ?? '', toolCalls, finishReason };
}

/**
 * A `ChatModel` backed by the OpenAI Chat Completions API or any server speaking it
 * (Ollama, vLLM, LM Studio…), using the official `openai` client.
 *
 * Streams text deltas as they come, then the tool calls once their fragments are complete,
 * then one `finish` part; `generate` asks for a non-streamed completion (`stream: false`) and
 * gives the same text, tool calls and finish reason at once. Failures are thrown as
 * `AiCoreError` (`rate_limited`, `model_timeout`, `model_unavailable`); when the caller aborts
 * `signal`, the HTTP request is aborted and the call throws the signal's reason. The client it
 * builds refuses redirects (`model_unavailable`).
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
      // A model call is a POST that nobody should redirect. Refusing redirects (with no window,
      // as a server has none) also spares fetch a copy of every request, body stream included,
      // which it keeps only to follow one: measured at about a tenth of a non-streamed call.
      fetchOptions: { redirect: 'error', window: null },
    });

  async function* stream(
    request: ChatRequest,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ChatStreamPart> {
    signal?.throwIfAborted();
    const toolCalls = createToolCallAssembler();
    let finishReason: FinishReason | undefined;
    try {
      const chunks = await client.chat.completions.create(
        { ...toParams(options, request), stream: true, stream_options: { include_usage: true } },
        { signal },
      );
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

  async function generate(
    request: ChatRequest,
    signal: AbortSignal | undefined,
  ): Promise<ChatGeneration> {
    signal?.throwIfAborted();
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(
        { ...toParams(options, request), stream: false },
        { signal },
      );
    } catch (error) {
      signal?.throwIfAborted();
      throw toAiCoreError(error);
    }
    signal?.throwIfAborted();
    return toGeneration(completion);
  }

  return {
    modelId: options.model,
    stream: (request, callOptions) => stream(request, callOptions?.signal),
    generate: (request, callOptions) => generate(request, callOptions?.signal),
  };
}
