// chat-api as production wires it, in its own process, to be measured against the AI SDK port:
// the real openai client over HTTP, memory history, per-IP and per-session limits (set too high
// to refuse anything, but counted), CORS, info-level request logs, sessions and the
// graceful-shutdown server, and the handoff tool offered on every turn (as `server.ts` does; the
// port offers the same tool). No knowledge base: the port grounds nothing either.
import { createAssistant, createMemoryHistory } from '@org/ai-core';
import { createOpenAIModel } from '@org/ai-core/openai';
import { createLogger, createMemoryRateLimiter, serveWithDrain } from '@org/runtime';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { createClientIp } from '../src/http/client-ip';
import { createSessions } from '../src/sessions';
import { loadBenchEnv } from './env';
import { benchInstructions } from './fixtures';
import { withCpuRoute } from './listen';

const { modelUrl } = loadBenchEnv();
// Written where they cost a write but print nothing.
const logger = createLogger({
  level: 'info',
  service: 'chat-api',
  destination: pino.destination({ dest: '/dev/null', sync: false }),
});
const history = createMemoryHistory();
// The client's defaults, retries included, as `createBrain` builds it.
const model = createOpenAIModel({ model: 'bench', baseURL: modelUrl });
const limit = (windowMs: number) => createMemoryRateLimiter({ limit: 1e9, windowMs });
const turns = new AbortController();
const app = createApp({
  assistant: createAssistant({ model, history, instructions: benchInstructions, handoff: {} }),
  history,
  sessions: createSessions({ secret: 'bench-secret-bench-secret-bench-secret' }),
  logger,
  corsOrigins: ['https://shop.example', 'http://localhost:*'],
  limits: { ip: limit(60_000), session: limit(60_000) },
  clientIp: createClientIp({ trustProxy: false }),
  shutdown: turns.signal,
});
const serving = await serveWithDrain(withCpuRoute(app.fetch), {
  port: 0,
  host: '127.0.0.1',
  logger,
  name: 'chat-api',
  drain: ({ deadline }) => deadline.addEventListener('abort', () => turns.abort()),
});
console.log(JSON.stringify({ url: serving.url }));
