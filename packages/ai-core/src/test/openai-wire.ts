import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';

/** A request body as the test server received it (parsed JSON, not validated). */
export type TestRequest = ChatCompletionCreateParams;

/** A tool call the test server answers with; `arguments` is JSON-encoded unless a string. */
export type TestToolCall = { name: string; arguments: unknown };

/** A finish reason the test server can report. */
export type TestFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** What the test server answers: text, tool calls, or both (text first). */
export type TestResponse = (
  | { text: string; toolCalls?: TestToolCall[] }
  | { text?: string; toolCalls: TestToolCall[] }
) & {
  /** Default: `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: TestFinishReason;
};

/** Decides the test server's answer to a request. */
export type TestResponder = (request: TestRequest) => TestResponse | Promise<TestResponse>;

/** The text of the last user message of a request ('' when there is none). */
export function lastUserText(request: TestRequest): string {
  const message = request.messages?.findLast((candidate) => candidate.role === 'user');
  const content = message?.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => ('text' in part ? part.text : '')).join('');
}

/** The default responder: `You said: <last user message>`. */
export const echoResponder: TestResponder = (request) => ({
  text: `You said: ${lastUserText(request)}`,
});

/** The JSON-encoded arguments of a tool call. */
export function encodeArguments(call: TestToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});
}

/** Splits a string into up to `count` non-empty pieces (how arguments are streamed). */
export function splitPieces(text: string, count = 3): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size)
    pieces.push(text.slice(start, start + size));
  return pieces;
}

/** The finish reason a response reports. */
export function finishReasonOf(response: TestResponse): TestFinishReason {
  return response.finishReason ?? (response.toolCalls?.length ? 'tool_calls' : 'stop');
}

/** Rough token usage: words of the request, tokens of the answer. */
export function usageOf(request: TestRequest, completionTokens: number): ChatCompletion['usage'] {
  const words = JSON.stringify(request.messages ?? []).split(/\s+/).length;
  return {
    prompt_tokens: words,
    completion_tokens: completionTokens,
    total_tokens: words + completionTokens,
  };
}

/** Builds the chunks of one streamed completion, sharing its id, model and time. */
export function createChunkFactory(id: string, model: string) {
  const created = Math.floor(Date.now() / 1000);
  const base = { id, object: 'chat.completion.chunk' as const, created, model };
  return {
    delta(
      delta: ChatCompletionChunk.Choice.Delta,
      finishReason: TestFinishReason | null = null,
    ): ChatCompletionChunk {
      return {
        ...base,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      };
    },
    usage(usage: ChatCompletion['usage']): ChatCompletionChunk {
      return { ...base, choices: [], usage };
    },
  };
}

/** A whole (non-streamed) completion. */
export function toCompletion(
  id: string,
  request: TestRequest,
  response: TestResponse,
  completionTokens: number,
): ChatCompletion {
  const toolCalls = (response.toolCalls ?? []).map((call, index) => ({
    id: `${id}-call-${index}`,
    type: 'function' as const,
    function: { name: call.name, arguments: encodeArguments(call) },
  }));
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: response.text ?? null,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(response),
      },
    ],
    usage: usageOf(request, completionTokens),
  };
}

/** An error body shaped like OpenAI's for `status`. */
export function errorBody(
  status: number,
  message?: string,
): { error: { message: string; type: string; param: null; code: string | null } } {
  const known: Record<number, { type: string; code: string | null; message: string }> = {
    401: {
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      message: 'Incorrect API key provided.',
    },
    404: { type: 'invalid_request_error', code: 'unknown_url', message: 'Unknown request URL.' },
    429: {
      type: 'requests',
      code: 'rate_limit_exceeded',
      message: 'Rate limit reached for requests.',
    },
  };
  const entry = known[status] ?? {
    type: status >= 500 ? 'server_error' : 'invalid_request_error',
    code: null,
    message: 'The server had an error while processing your request.',
  };
  return {
    error: { message: message ?? entry.message, type: entry.type, param: null, code: entry.code },
  };
}
