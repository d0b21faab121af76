import type { ChatGeneration, ChatModel, ChatRequest } from '../chat-model';
import { AiCoreError } from '../errors';
import type { ChatStreamPart, FinishReason, ToolCall } from '../messages';
import { lastUserText, sleep } from '../sleep';
import { splitIntoTokens } from './split-tokens';

/** A tool call the mock model makes; `input` is JSON-encoded unless a string. */
export type MockToolCall = { name: string; input: unknown };

/** What the mock model does for one call. */
export type MockResponse =
  /** Streams the text as word tokens, then the tool calls if any. */
  | { text: string; toolCalls?: MockToolCall[]; finishReason?: FinishReason }
  /** Calls tools (after the text, if any). */
  | { text?: string; toolCalls: MockToolCall[]; finishReason?: FinishReason }
  /** Throws this error (after `delayMs`). */
  | { error: AiCoreError | Error }
  /** Never answers: waits until the call's signal aborts. */
  | { hang: true };

/** Options for {@link createMockChatModel}. */
export type MockChatModelOptions = {
  /**
   * The answers, one per call in order, or a function of the request and the call's index.
   * Default: `{ text: 'You said: <last user message>' }`.
   */
  responses?:
    | MockResponse[]
    | ((request: ChatRequest, index: number) => MockResponse | Promise<MockResponse>);
  /** Default `mock`. */
  modelId?: string;
  /** Wait before the first part, in ms. Default 0. */
  delayMs?: number;
  /** Wait between text tokens, in ms. Default 0. */
  tokenDelayMs?: number;
  /**
   * Keep `calls` and `aborted` (default true). Benchmarks turn it off, so that thousands of
   * recorded requests do not grow the heap they measure.
   */
  record?: boolean;
  /**
   * Offer `generate`, the whole answer at once (default true), as the OpenAI model does; `false`
   * makes a stream-only model, like one that leaves the optional method out.
   */
  generate?: boolean;
};

/** An in-process `ChatModel` double that records its calls. */
export type MockChatModel = ChatModel & {
  /** Every request received, in order. */
  readonly calls: ChatRequest[];
  /** `aborted[i]` is true when call `i` was aborted by its signal before it ended. */
  readonly aborted: boolean[];
  /** `methods[i]` says how call `i` was made: `stream` or `generate`. */
  readonly methods: ('stream' | 'generate')[];
};

function encode(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}

/**
 * An in-process `ChatModel` for fast unit tests of code that uses a model: scripted answers
 * streamed as word tokens (or, through `generate`, given whole after the same delays), errors,
 * hangs, and a record of every call.
 * Honours `signal`: an aborted call stops promptly and throws the signal's reason.
 *
 * @example
 * ```ts
 * const model = createMockChatModel({
 *   responses: [{ toolCalls: [{ name: 'orderStatus', input: { orderNumber: '42' } }] }, { text: 'Shipped.' }],
 * })
 * const assistant = createAssistant({ model, history: createMemoryHistory(), instructions: '…', tools })
 * await assistant.reply({ conversationId: 'c1', channel: 'chat', text: 'Where is order 42?' })
 * expect(model.calls).toHaveLength(2)
 * ```
 */
export function createMockChatModel(options: MockChatModelOptions = {}): MockChatModel {
  const calls: ChatRequest[] = [];
  const aborted: boolean[] = [];
  const methods: ('stream' | 'generate')[] = [];
  let count = 0;
  const { responses, delayMs = 0, tokenDelayMs = 0 } = options;

  async function pick(request: ChatRequest, index: number): Promise<MockResponse> {
    if (typeof responses === 'function') return responses(request, index);
    if (!responses) return { text: `You said: ${lastUserText(request.messages)}` };
    const response = responses[index];
    if (response) return response;
    throw new AiCoreError('model_unavailable', {
      message: `Mock model: no response for call #${index + 1} (${responses.length} given)`,
      isRetryable: false,
    });
  }

  async function* run(
    request: ChatRequest,
    index: number,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ChatStreamPart> {
    const onAbort = () => {
      if (options.record !== false) aborted[index] = true;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await pick(request, index);
      await sleep(delayMs, signal);
      if ('hang' in response) return await sleep(Number.POSITIVE_INFINITY, signal);
      if ('error' in response) throw response.error;
      for (const [position, text] of splitIntoTokens(response.text ?? '').entries()) {
        if (position > 0 && tokenDelayMs > 0) await sleep(tokenDelayMs, signal);
        else signal?.throwIfAborted();
        yield { type: 'text-delta', text };
      }
      const toolCalls = response.toolCalls ?? [];
      for (const [position, call] of toolCalls.entries()) {
        signal?.throwIfAborted();
        const toolCall = {
          id: `call_${index}_${position}`,
          name: call.name,
          input: encode(call.input),
        };
        yield { type: 'tool-call', toolCall };
      }
      signal?.throwIfAborted();
      const finishReason = response.finishReason ?? (toolCalls.length ? 'tool-calls' : 'stop');
      yield { type: 'finish', finishReason };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  // The index of a new call, recorded unless `record` is off.
  function begin(
    request: ChatRequest,
    method: 'stream' | 'generate',
    signal: AbortSignal | undefined,
  ): number {
    if (options.record === false) return count++;
    const index = calls.push(request) - 1;
    aborted.push(signal?.aborted ?? false);
    methods.push(method);
    count = calls.length;
    return index;
  }

  // The same script as `stream`, collected: same delays, aborts, errors and hangs.
  async function generate(
    request: ChatRequest,
    signal: AbortSignal | undefined,
  ): Promise<ChatGeneration> {
    let text = '';
    const toolCalls: ToolCall[] = [];
    let finishReason: FinishReason = 'other';
    for await (const part of run(request, begin(request, 'generate', signal), signal)) {
      if (part.type === 'text-delta') text += part.text;
      else if (part.type === 'tool-call') toolCalls.push(part.toolCall);
      else finishReason = part.finishReason;
    }
    return { text, toolCalls, finishReason };
  }

  return {
    modelId: options.modelId ?? 'mock',
    calls,
    aborted,
    methods,
    stream(request, callOptions) {
      const signal = callOptions?.signal;
      return run(request, begin(request, 'stream', signal), signal);
    },
    ...(options.generate === false
      ? {}
      : {
          generate: (request: ChatRequest, callOptions?: { signal?: AbortSignal }) =>
            generate(request, callOptions?.signal),
        }),
  };
}
