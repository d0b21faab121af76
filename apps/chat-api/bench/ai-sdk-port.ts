import { randomUUID } from 'node:crypto';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, type ModelMessage, streamText, tool } from 'ai';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';

/** Options for {@link createAiSdkPort}. */
export type AiSdkPortOptions = {
  /** The OpenAI-compatible server's base URL, ending in `/v1`. */
  baseURL: string;
  model: string;
  instructions: string;
};

/** How many past messages go back to the model: chat-api's default window (`maxTurns`). */
const historyWindow = 10;

type ChatBody = { session_id?: string | null; message: string };

/**
 * The baseline: the same job as chat-api written the way a TypeScript team would with Hono and
 * the Vercel AI SDK, and nothing else (no validation beyond the body's shape, no limits, CORS,
 * logs, grounding or idempotency). `POST /chat` calls `generateText`, `POST /chat/stream`
 * `streamText`, sending the same SSE events as chat-api; each session keeps its last 10
 * messages in memory.
 */
export function createAiSdkPort(options: AiSdkPortOptions) {
  const provider = createOpenAICompatible({ name: 'bench', baseURL: options.baseURL });
  const model = provider.chatModel(options.model);
  const histories = new Map<string, ModelMessage[]>();
  // chat-api offers the model a handoff tool on every turn: so does the port (never executed).
  const tools = {
    hand_off_to_person: tool({
      description: "Hand this conversation to a person of the business's team.",
      inputSchema: z.object({
        reason: z.enum(['customer_request', 'cannot_help']),
        summary: z.string(),
      }),
    }),
  };

  const startTurn = (body: ChatBody) => {
    const sessionId = body.session_id ?? randomUUID();
    const past = histories.get(sessionId) ?? [];
    const user: ModelMessage = { role: 'user', content: body.message };
    const remember = (text: string) => {
      const kept = [...past, user, { role: 'assistant', content: text } satisfies ModelMessage];
      histories.set(sessionId, kept.slice(-historyWindow));
    };
    return { sessionId, messages: [...past, user], remember };
  };

  return new Hono()
    .post('/chat', async (c) => {
      const turn = startTurn(await c.req.json<ChatBody>());
      const { text } = await generateText({
        model,
        system: options.instructions,
        messages: turn.messages,
        tools,
      });
      turn.remember(text);
      return c.json({ session_id: turn.sessionId, response: text });
    })
    .post('/chat/stream', async (c) => {
      const turn = startTurn(await c.req.json<ChatBody>());
      const result = streamText({
        model,
        system: options.instructions,
        messages: turn.messages,
        tools,
      });
      return streamSSE(c, async (stream) => {
        for await (const text of result.textStream) {
          await stream.writeSSE({ event: 'text-delta', data: JSON.stringify({ text }) });
        }
        const text = await result.text;
        turn.remember(text);
        await stream.writeSSE({
          event: 'reply',
          data: JSON.stringify({ session_id: turn.sessionId, response: text }),
        });
      });
    });
}
