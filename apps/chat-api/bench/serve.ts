// The servers of the throughput section (an in-process model), in their own process so that the
// load generator does not share their CPU.
import { type Assistant, type ChatModel, createAssistant, createMemoryHistory } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { unlimited } from '@org/runtime';
import { Hono } from 'hono';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { chatBodySchema } from '../src/routes/chat-input';
import { createSessions } from '../src/sessions';
import { benchInstructions, benchReply } from './fixtures';
import { listen } from './listen';

const sessions = createSessions({ secret: 'bench-secret-bench-secret-bench-secret' });

function chatApp(model: ChatModel, stub?: Assistant) {
  const history = createMemoryHistory();
  // Info-level request logs, as in production, written where they cost a write but print nothing.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  return createApp({
    assistant: stub ?? createAssistant({ model, history, instructions: benchInstructions }),
    history,
    sessions,
    logger,
    corsOrigins: [],
    limits: { ip: unlimited, session: unlimited },
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
  });
// `listen` answers /bench-cpu, this process's CPU time, for the bench to divide by requests.
const mockUrl = await listen((request, env) => {
  const path = new URL(request.url).pathname;
  return path === '/bare' || path === '/bare-validated'
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
const stubUrl = await listen(stubApp.fetch);

console.log(JSON.stringify({ mockUrl, stubUrl }));
