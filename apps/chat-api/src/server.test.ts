import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOpenAITestServer, type OpenAITestServer } from '@org/ai-core/test';
import { verifyHandoffSignature } from '@org/handoff';
import { afterEach, describe, expect, it } from 'vitest';
import { processEnvironment } from './env';
import { parseSse } from './test/test-app';

const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const entry = fileURLToPath(new URL('./server.ts', import.meta.url));

type Started = {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
};

/** Runs server.ts as `pnpm start` does, with `env` added; resolves once it listens. */
async function startServer(env: Record<string, string>): Promise<Started & { url: string }> {
  const child = spawn(tsx, [entry], {
    env: { ...processEnvironment(), NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines: Record<string, unknown>[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (typeof entry.url === 'string') resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`server.ts exited with ${code}`)));
  });
  return { child, lines, exited, url };
}

describe('server.ts', () => {
  let model: OpenAITestServer | undefined;
  let running: ChildProcess | undefined;
  afterEach(async () => {
    if (running?.exitCode === null) running.kill('SIGKILL');
    await model?.close();
  });

  it('boots offline, says which model and store it uses, and answers from knowledge/', async () => {
    const server = await startServer({});
    running = server.child;
    expect(server.lines.find((line) => line.url)).toMatchObject({
      model: 'knowledge',
      store: expect.stringContaining('memory'),
    });
    expect(server.lines.some((line) => String(line.msg).includes('SESSION_SECRET'))).toBe(true);
    const response = await fetch(`${server.url}/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: 'How much does shipping cost?' }),
    });
    expect(response.status).toBe(200);
    const { response: text } = (await response.json()) as { response: string };
    expect(text.length).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('on SIGTERM stops accepting, lets a stream in flight finish, and exits 0', async () => {
    model = await createOpenAITestServer({
      tokensPerSecond: 20,
      respond: () => ({ text: 'one two three four five six seven eight nine ten' }),
    });
    const server = await startServer({ OPENAI_BASE_URL: model.url, SHUTDOWN_TIMEOUT_MS: '30000' });
    running = server.child;
    expect(server.lines.find((line) => line.url)).toMatchObject({ model: 'gpt-4o-mini' });
    const response = await fetch(`${server.url}/chat/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: 'Count to ten' }),
    });
    const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const decoder = new TextDecoder();
    let body = decoder.decode((await reader.read()).value);

    server.child.kill('SIGTERM');
    await expect.poll(() => server.lines.some((line) => line.msg === 'shutting down')).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      body += decoder.decode(chunk.value, { stream: true });
    }
    expect(parseSse(body).at(-1)).toMatchObject({
      event: 'reply',
      data: { response: 'one two three four five six seven eight nine ten' },
    });
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('hands a chat to the team: the webhook is told, the operator API answers', async () => {
    const deliveries: { rawBody: string; timestamp: string; signature: string }[] = [];
    const receiver = createServer((request, response) => {
      let rawBody = '';
      request.on('data', (chunk: Buffer) => {
        rawBody += chunk.toString();
      });
      request.on('end', () => {
        const header = (name: string) => String(request.headers[name]);
        deliveries.push({
          rawBody,
          timestamp: header('x-handoff-timestamp'),
          signature: header('x-handoff-signature'),
        });
        response.end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const secret = 'webhook-secret-for-server-test';
    const token = 'operator-token-for-the-server-test';
    try {
      const server = await startServer({
        OPERATOR_TOKEN: token,
        HANDOFF_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        HANDOFF_WEBHOOK_SECRET: secret,
      });
      running = server.child;
      expect(server.lines.find((line) => line.url)).toMatchObject({
        operatorApi: true,
        handoffWebhook: true,
      });
      const response = await fetch(`${server.url}/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'Can I talk to a real person please?' }),
      });
      const answer = (await response.json()) as { session_id: string; handoff?: unknown };
      expect(answer.handoff).toEqual({ state: 'started', reason: 'customer_request' });
      await expect.poll(() => deliveries.length).toBe(1);
      const delivery = deliveries[0] as (typeof deliveries)[number];
      expect(verifyHandoffSignature({ secret, ...delivery })).toBe(true);
      expect(JSON.parse(delivery.rawBody)).toMatchObject({
        type: 'handoff.started',
        conversationId: answer.session_id,
      });

      const listed = await fetch(`${server.url}/operator/conversations`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(await listed.json()).toEqual({
        conversations: [expect.objectContaining({ conversationId: answer.session_id })],
      });
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  }, 60_000);

  it('refuses to boot on bad env, naming the variable but not its value', async () => {
    const child = spawn(tsx, [entry], {
      env: { ...processEnvironment(), PORT: 'not-a-port-SECRET', OPENAI_BASE_URL: 'nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('OPENAI_BASE_URL');
    expect(stderr).not.toContain('SECRET');
  }, 60_000);
});
