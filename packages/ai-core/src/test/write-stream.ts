import type { ServerResponse } from 'node:http';
import { sleep } from './http-helpers';
import {
  createChunkFactory,
  encodeArguments,
  finishReasonOf,
  splitPieces,
  type TestRequest,
  type TestResponse,
  usageOf,
} from './openai-wire';
import { splitIntoTokens } from './split-tokens';

/** One streamed answer of the test server. */
export type StreamPlan = {
  request: TestRequest;
  response: TestResponse;
  /** The completion id. */
  id: string;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Wait between chunks, in ms. */
  interval: number;
  /** Close the connection after this many tokens, without finishing. */
  cutAfter: number | undefined;
};

/**
 * Writes an answer as OpenAI streams it: SSE `chat.completion.chunk`s (a role chunk, one chunk
 * per token, tool calls as id+name then argument fragments, a finish chunk, usage if asked),
 * then `[DONE]`. `onCut` runs just before a planned cut closes the connection.
 */
export async function writeStream(
  res: ServerResponse,
  plan: StreamPlan,
  onCut: () => void,
): Promise<void> {
  const { request, response, id, signal, interval, cutAfter } = plan;
  const chunks = createChunkFactory(id, request.model);
  const send = (data: unknown) => {
    if (!signal.aborted) res.write(`data: ${JSON.stringify(data)}\n\n`);
  };
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  send(chunks.delta({ role: 'assistant', content: '' }));
  const tokens = splitIntoTokens(response.text ?? '');
  for (const [index, token] of tokens.entries()) {
    if (index === cutAfter) break;
    if (index > 0) await sleep(interval, signal);
    if (signal.aborted) return;
    send(chunks.delta({ content: token }));
  }
  if (cutAfter !== undefined) {
    // Close the connection once the sent tokens are flushed: no finish, no [DONE].
    onCut();
    res.socket?.end();
    return;
  }
  for (const [index, call] of (response.toolCalls ?? []).entries()) {
    await sleep(interval, signal);
    const function_ = { name: call.name, arguments: '' };
    send(
      chunks.delta({
        tool_calls: [{ index, id: `${id}-call-${index}`, type: 'function', function: function_ }],
      }),
    );
    for (const piece of splitPieces(encodeArguments(call))) {
      await sleep(interval, signal);
      send(chunks.delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  }
  send(chunks.delta({}, finishReasonOf(response)));
  if (request.stream_options?.include_usage) send(chunks.usage(usageOf(request, tokens.length)));
  if (!signal.aborted) res.end('data: [DONE]\n\n');
}
