import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { completeSentenceCount } from '@org/ai-core';
import { createOpenAITestServer } from '@org/ai-core/test';
import OpenAI from 'openai';
import { startRig } from '../src/simulator/rig';
import { childEnvironment, loadBenchEnv } from './env';

/**
 * `pnpm bench`: (1) webhook acknowledgement latency under load from a second process;
 * (2) time from the caller's last segment to the `/say` request with a 50 tokens/s model,
 * next to the time that model needs to finish its second sentence. Prints; asserts nothing.
 */
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

async function benchAck() {
  const rig = await startRig({ settings: { quietMs: 100 } });
  try {
    const here = fileURLToPath(new URL('.', import.meta.url));
    // Next to this file once bundled (`pnpm bench` builds both with bench/tsdown.config.ts).
    const child = spawn(process.execPath, [`${here}load-webhooks.mjs`], {
      env: {
        ...childEnvironment(),
        BENCH_URL: rig.url,
        BENCH_SECRET: rig.simulator.state.customer.webhook_secret,
        BENCH_SECONDS: String(loadBenchEnv().seconds),
        BENCH_CONNECTIONS: String(loadBenchEnv().connections),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`load generator exited with ${code}`);
    const result = JSON.parse(output) as Record<string, number>;
    console.log(
      '\n## webhook acknowledgement (signed call_updated, autocannon in a second process)',
    );
    console.log(
      `${result.requests} requests, ${Math.round(result.rps ?? 0)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    console.log(
      `p50 ${ms(result.p50 ?? Number.NaN)}   p99 ${ms(result.p99 ?? Number.NaN)}   max ${ms(result.max ?? Number.NaN)}`,
    );
  } finally {
    await rig.close();
  }
}

const sentence = (i: number) => `Here is sentence number ${i} of a long answer about our shop.`;

async function benchTurn(rounds = 5) {
  const text = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');
  const model = await createOpenAITestServer({ respond: () => ({ text }), tokensPerSecond: 50 });
  const quietMs = 100;
  const rig = await startRig({
    settings: { quietMs, msPerChar: 0, replyBudgetMs: 30_000 },
    env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'test' },
  });
  try {
    // The model on its own: when its streamed answer completes the second sentence.
    const client = new OpenAI({ apiKey: 'test', baseURL: model.url, maxRetries: 0 });
    const secondSentence: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const stream = await client.chat.completions.create({
        model: 'test',
        messages: [{ role: 'user', content: 'tell me' }],
        stream: true,
      });
      let streamed = '';
      for await (const chunk of stream) {
        streamed += chunk.choices[0]?.delta.content ?? '';
        if (completeSentenceCount(streamed) >= 2) break;
      }
      stream.controller.abort();
      secondSentence.push(performance.now() - start);
    }
    // Through the gateway: caller's last segment delivered → /say received by the simulator.
    const { simulator } = rig;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    const toSay: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await call.say(`Tell me about the shop, question ${i + 1}.`);
      const lines = await call.waitForLines(i + 2, 60_000);
      const last = simulator.deliveries.findLast((d) => d.type === 'transcript_created');
      toSay.push((lines.at(-1)?.at ?? Number.NaN) - (last?.sentAt ?? Number.NaN));
    }
    await call.hangup();
    console.log('\n## last caller segment → /say (50 tokens/s OpenAI-compatible test server)');
    console.log(`quiet time ${quietMs} ms included; ${rounds} turns`);
    console.log(
      `model alone, second sentence complete: p50 ${ms(percentile(secondSentence, 0.5))}   max ${ms(Math.max(...secondSentence))}`,
    );
    console.log(
      `gateway, last segment → /say:          p50 ${ms(percentile(toSay, 0.5))}   max ${ms(Math.max(...toSay))}`,
    );
    console.log(
      `difference (p50): ${ms(percentile(toSay, 0.5) - percentile(secondSentence, 0.5))} (quiet time ${quietMs} ms of it)`,
    );
  } finally {
    await rig.close();
    await model.close();
  }
}

await benchAck();
await benchTurn();
