import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AiCoreError, createMemoryHistory } from '@org/ai-core';
import {
  createMockChatModel,
  createOpenAITestServer,
  type OpenAITestServer,
} from '@org/ai-core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrain } from './create-brain';

let knowledgeDir = '';
let server: OpenAITestServer;

beforeAll(async () => {
  knowledgeDir = await mkdtemp(join(tmpdir(), 'runtime-brain-'));
  await writeFile(
    join(knowledgeDir, 'opening-hours.md'),
    '# Opening hours\n\nWe are open Monday to Friday, from 8 AM to 6 PM.\n',
  );
  server = await createOpenAITestServer({ respond: () => ({ text: 'From the model.' }) });
});
afterAll(async () => {
  await server?.close();
  await rm(knowledgeDir, { recursive: true, force: true });
});

const offline = () => ({ OPENAI_MODEL: 'gpt-4o-mini', KNOWLEDGE_DIR: knowledgeDir });
const ask = { conversationId: 'c1', channel: 'chat', text: 'What are your opening hours?' };

describe('createBrain', () => {
  it('runs offline from the knowledge folder, with history in memory', async () => {
    const brain = await createBrain(offline());
    expect(brain.parts).toEqual({
      model: 'knowledge (offline)',
      history: 'memory',
      knowledge: `1 passages from ${knowledgeDir}`,
    });
    expect(brain.redis).toBeUndefined();
    expect((await brain.assistant.reply(ask)).text).toContain('8 AM');
    expect((await brain.history.load('c1', { limit: 10 })).messages).toHaveLength(2);
  });

  it('uses an OpenAI-compatible model when a base URL is set, with the retries asked for', async () => {
    const brain = await createBrain(
      { ...offline(), OPENAI_BASE_URL: server.url, INSTRUCTIONS: 'You are a bookshop.' },
      { maxRetries: 1 },
    );
    expect(brain.parts.model).toBe('openai (gpt-4o-mini)');
    server.setFault({ type: 'status', status: 500, times: 1 });
    const before = server.requests.length;
    expect((await brain.assistant.reply(ask)).text).toBe('From the model.');
    expect(server.requests.length - before).toBe(2);
    const request = server.requests.at(-1);
    expect(request?.model).toBe('gpt-4o-mini');
    expect(request?.messages[0]).toMatchObject({ role: 'system' });
    expect(JSON.stringify(request?.messages[0])).toContain('You are a bookshop.');
  });

  it('keeps history in Upstash when configured, and hands out the client', async () => {
    const brain = await createBrain({
      ...offline(),
      UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io',
      UPSTASH_REDIS_REST_TOKEN: 'token',
    });
    expect(brain.redis).toBeDefined();
    expect(brain.parts.history).toBe('upstash (eu1-example.upstash.io)');
  });

  it('takes a model and a history instead, and a reply deadline', async () => {
    const model = createMockChatModel({ modelId: 'mock', delayMs: 500 });
    const history = createMemoryHistory();
    const brain = await createBrain(offline(), { model, history, timeoutMs: 50 });
    expect(brain.parts).toMatchObject({ model: 'custom (mock)', history: 'custom' });
    expect(brain.history).toBe(history);
    const failure = await brain.assistant.reply(ask).catch((error: unknown) => error);
    expect(AiCoreError.isInstance(failure) && failure.code).toBe('model_timeout');
  });

  it('refuses a knowledge folder that does not exist', async () => {
    await expect(
      createBrain({ ...offline(), KNOWLEDGE_DIR: join(knowledgeDir, 'missing') }),
    ).rejects.toThrow(/Knowledge directory not found/);
  });
});
