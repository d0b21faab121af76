import {
  type Assistant,
  type ChatModel,
  createAssistant,
  createMemoryHistory,
  type HandoffOptions,
  type HistoryStore,
  type KnowledgeBase,
} from '@org/ai-core';
import { createMockChatModel, type MockChatModel } from '@org/ai-core/test';
import { unlimited } from '@org/runtime';
import { pino } from 'pino';
import { type AppDependencies, createApp, type HandoffDependencies } from '../app';
import type { RateLimits } from '../http/rate-limit';
import { createSessions } from '../sessions';

/** The secret every test app shares, so that two apps accept each other's sessions. */
export const testSecret = 'test-secret-that-is-long-enough-0123456789';

/** Options for {@link createTestApp}. */
export type TestAppOptions<TModel extends ChatModel> = {
  model?: TModel;
  history?: HistoryStore;
  limits?: RateLimits;
  corsOrigins?: string[];
  timeoutMs?: number;
  /** Replaces the assistant built from `model` and `history`. */
  assistant?: (assistant: Assistant) => Assistant;
  clientIp?: AppDependencies['clientIp'];
  shutdown?: AbortSignal;
  /** Grounds the assistant's answers (e.g. the repo's `knowledge/` for the offline model). */
  knowledge?: KnowledgeBase;
  /**
   * Lets the assistant hand conversations to a person (`available` goes to the assistant, the
   * rest to the app: the operator API's token, the business's webhook).
   */
  handoff?: HandoffDependencies & Pick<HandoffOptions, 'available'>;
};

/** A chat-api app over real in-process parts, with its log lines captured. */
export function createTestApp<TModel extends ChatModel = MockChatModel>(
  options: TestAppOptions<TModel> = {},
) {
  const model = (options.model ?? createMockChatModel()) as TModel;
  const history = options.history ?? createMemoryHistory();
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const built = createAssistant({
    model,
    history,
    instructions: 'You are a test assistant.',
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.knowledge ? { knowledge: options.knowledge } : {}),
    ...(options.handoff
      ? { handoff: options.handoff.available ? { available: options.handoff.available } : {} }
      : {}),
  });
  const sessions = createSessions({ secret: testSecret });
  const app = createApp({
    assistant: options.assistant ? options.assistant(built) : built,
    history,
    sessions,
    logger,
    corsOrigins: options.corsOrigins ?? ['https://shop.example', 'http://localhost:*'],
    limits: options.limits ?? { ip: unlimited, session: unlimited },
    ...(options.clientIp ? { clientIp: options.clientIp } : {}),
    ...(options.shutdown ? { shutdown: options.shutdown } : {}),
    ...(options.handoff
      ? {
          handoff: {
            operatorToken: options.handoff.operatorToken,
            notifier: options.handoff.notifier,
          },
        }
      : {}),
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const newSession = async () => {
    const response = await app.request('/sessions', { method: 'POST' });
    return ((await response.json()) as { session_id: string }).session_id;
  };
  return { app, model, history, sessions, logs, post, newSession };
}

/** One Server-Sent Event. */
export type SseEvent = { event: string; data: unknown };

/** Parses a complete SSE body into its events (data parsed as JSON). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
