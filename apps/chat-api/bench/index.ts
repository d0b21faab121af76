import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from './env';
import { cpuPath } from './listen';
import { printSummary } from './summary';
import { benchThroughput } from './throughput';
import { benchTtft } from './ttft';
import { benchVersus } from './versus';

console.log('# @org/chat-api benchmarks (figures only; nothing here asserts a time)');

const children: ChildProcess[] = [];

/**
 * Starts a bundled bench server (next to this file once built: `pnpm bench` builds them all
 * with bench/tsdown.config.ts) in its own process, so that the load generator does not share
 * its CPU, and resolves with the JSON it prints on its first line (rejects if it exits first).
 */
async function start<T>(entry: string, env: Record<string, string> = {}): Promise<T> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(entry, import.meta.url))], {
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${entry} exited (${code}) before it listened`);
  });
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), 'line'),
    exited,
  ])) as [string];
  return JSON.parse(line) as T;
}

try {
  const model = await start<{ url: string; cpuUrl: string }>('./model-server.mjs');
  const withModel = { MODEL_URL: model.url };
  const [inProcess, chatApi, port] = await Promise.all([
    start<{ mockUrl: string; stubUrl: string }>('./serve.mjs'),
    start<{ url: string }>('./serve-chat-api.mjs', withModel),
    start<{ url: string }>('./serve-ai-sdk-port.mjs', withModel),
  ]);
  await benchThroughput(inProcess.mockUrl, inProcess.stubUrl);
  const cpuUrl = (url: string) => `${url}${cpuPath}`;
  const [chatApiFigures, portFigures] = await benchVersus(
    [
      { name: 'chat-api', url: chatApi.url, cpuUrl: cpuUrl(chatApi.url) },
      { name: 'AI SDK port', url: port.url, cpuUrl: cpuUrl(port.url) },
    ],
    model.cpuUrl,
  );
  const ttft = await benchTtft({
    modelUrl: model.url,
    chatApiUrl: chatApi.url,
    portUrl: port.url,
    mockUrl: inProcess.mockUrl,
  });
  printSummary(chatApiFigures, portFigures, ttft);
} finally {
  for (const child of children) child.kill('SIGTERM');
}
