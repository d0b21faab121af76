import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import type { ChatModel } from '@org/ai-core';
import { createTestApp, type TestAppOptions } from '@org/chat-api/test';
import { createDemoServer } from '../../scripts/demo-server.mjs';
import { processEnvironment } from './env';

/** A server the test started, and how to stop it. */
export type Running = { url: string; stop(): Promise<void> };

const chatApiDir = dirname(createRequire(import.meta.url).resolve('@org/chat-api/package.json'));

/**
 * The real chat-api (`src/server.ts`, as `pnpm start` runs it) with the offline defaults:
 * knowledge model over the repo's `knowledge/`, memory history, development CORS origins; `env`
 * adds variables (e.g. `OPERATOR_TOKEN`).
 */
export async function startRealChatApi(env: Record<string, string> = {}): Promise<Running> {
  const child: ChildProcess = spawn(`${chatApiDir}/node_modules/.bin/tsx`, ['src/server.ts'], {
    cwd: chatApiDir,
    env: {
      // The child inherits PATH and friends.
      ...processEnvironment(),
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chat-api did not start:\n${output}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = /chat-api listening on (http:\/\/[\w.:-]+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found.replace('localhost', '127.0.0.1'));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chat-api exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** chat-api's app over a model of the test's choosing (e.g. a hostile one), served on a port. */
export async function startTestChatApi(
  options: TestAppOptions<ChatModel> = {},
): Promise<Running & ReturnType<typeof createTestApp>> {
  const api = createTestApp({ corsOrigins: ['http://127.0.0.1:*'], ...options });
  const server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    ...api,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The demo site (and any extra pages) on another port: another origin than the API. */
export async function startDemoSite(
  apiUrl: string,
  pages: Record<string, string> = {},
): Promise<Running> {
  const server = createDemoServer({ apiUrl, pages });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page that embeds the widget by its tag, with extra markup in head and body. */
export function embedPage({ head = '', body = '', attributes = '' } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed test</title>${head}</head>
<body><main><h1>Host page</h1>${body}</main>
<script src="/widget.js" data-api-url="%CHAT_API_URL%" data-title="Harbor Lane Books &amp; Coffee" ${attributes} async></script>
</body></html>`;
}
