import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOpenAITestServer } from '@org/ai-core/test';
import { childEnvironment } from './env';
import { benchThroughput } from './throughput';
import { benchTtft } from './ttft';

console.log('# @org/chat-api benchmarks (figures only; nothing here asserts a time)');

const model = await createOpenAITestServer({
  respond: () => ({ text: 'We open at nine every day.' }),
});
// Next to this file once bundled (`pnpm bench` builds both with bench/tsdown.config.ts).
const child: ChildProcess = spawn(
  process.execPath,
  [fileURLToPath(new URL('./serve.mjs', import.meta.url))],
  {
    env: childEnvironment({ MODEL_URL: model.url }),
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
try {
  const [line] = (await once(
    createInterface({ input: child.stdout as NodeJS.ReadableStream }),
    'line',
  )) as [string];
  const urls = JSON.parse(line) as { mockUrl: string; stubUrl: string; openaiUrl: string };
  await benchThroughput(urls.mockUrl, urls.stubUrl);
  await benchTtft({ modelUrl: model.url, chatApiUrl: urls.openaiUrl, mockUrl: urls.mockUrl });
} finally {
  child.kill('SIGTERM');
  await model.close();
}
