// The servers under test, in their own process so that the load generator does not share their CPU.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Assistant, type ChatModel, createAssistant, createMemoryHistory } from '@org/ai-core';
import { createOpenAIModel } from '@org/ai-core/openai';
import { createMockChatModel } from '@org/ai-core/test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { unlimited } from '../src/rate-limit/rate-limiter';
import { chatBodySchema } from '../src/routes/chat-input';
import { createSessions } from '../src/sessions';
import { loadBenchEnv } from './env';

// The reply of the zero-latency model: about the size of a real short answer.
const benchReply =
  'We are open Monday to Saturday from 8 am to 6 pm and Sunday from 10 am to 4 pm. ' +
  'The coffee bar closes half an hour before the shop.';

const sessions = createSessions({ secret: 'bench-secret-bench-secret-bench-secret' });

function chatApp(model: ChatModel, stub?: Assistant) {
  const history = createMemoryHistory();
  // Info-level request logs, as in production, written where they cost a write but print nothing.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  return createApp({
    assistant:
      stub ?? createAssistant({ model, history, instructions: 'You are a benchmark assistant.' }),
    history,
    sessions,
    logger,
    corsOrigins: [],
    limits: { ip: unlimited, session: unlimited },
  });
}

function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>) {
  return new Promise<number>((resolve) => {
    serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
}

const mockApp = chatApp(
  createMockChatModel({ responses: () => ({ text: benchReply }), record: false }),
);
// The same JSON as a /chat answer, byte for byte in length.
const bareBody = { session_id: sessions.issue(), response: benchReply };
const bare = new Hono()
  .post('/bare', (c) => c.json(bareBody))
  // The least any chat endpoint must do: read, parse and validate the body, check the session.
  .post('/bare-validated', async (c) => {
    const body = chatBodySchema.parse(await c.req.json());
    if (!body.session_id || !sessions.verify(body.session_id)) return c.json({ error: 'x' }, 403);
    return c.json({ session_id: body.session_id, response: benchReply });
  })
  // This process's CPU time, so the bench can divide it by the requests a run served.
  .get('/bench-cpu', (c) => c.json(process.cpuUsage()));
const mockPort = await listen((request, env) => {
  const path = new URL(request.url).pathname;
  return path === '/bare' || path === '/bare-validated' || path === '/bench-cpu'
    ? bare.fetch(request, env)
    : mockApp.fetch(request, env);
});

// An assistant that answers at once without history or model: the HTTP layer's own cost.
const stubAssistant: Assistant = {
  channels: {},
  reply: async (input) => ({
    text: benchReply,
    conversationId: input.conversationId,
    channel: input.channel,
    replayed: false,
    sources: [],
  }),
  async *stream() {},
};
const stubApp = chatApp(createMockChatModel(), stubAssistant);
const stubPort = await listen(stubApp.fetch);

const { modelUrl } = loadBenchEnv();
const openaiApp = chatApp(createOpenAIModel({ model: 'bench', baseURL: modelUrl, maxRetries: 0 }));
const openaiPort = await listen(openaiApp.fetch);

const url = (port: number) => `http://127.0.0.1:${port}`;
console.log(
  JSON.stringify({ mockUrl: url(mockPort), stubUrl: url(stubPort), openaiUrl: url(openaiPort) }),
);
