import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { completeSentenceCount } from '@org/ai-core';
import { createOpenAITestServer } from '@org/ai-core/test';
import type { SimulatedCall } from '@org/voipbin/test';
import OpenAI from 'openai';
import { quietTimeFor } from '../src/channels/voice/end-of-turn';
import { defaultVoiceSettings } from '../src/channels/voice/settings';
import { startRig } from '../src/simulator/rig';
import { childEnvironment, loadBenchEnv } from './env';

/**
 * `pnpm bench`: (1) webhook acknowledgement latency under load from a second process;
 * (2) time from the end of the caller's utterance to the first `say`, now and as the gateway
 * was (one quiet time, no early start, one say after the whole answer), in the same run, next
 * to the model's own time to its first sentence and the quiet time in force. Prints; asserts
 * nothing.
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

/** Complete questions a caller asks (the end-of-turn rule gives them its short quiet time). */
const questions = Array.from({ length: 20 }, (_, i) =>
  [
    'What are your opening hours on Sunday?',
    'Do you ship to Canada?',
    'Can I return a book I bought last week?',
    'How much is a membership?',
    'Do you sell gift cards?',
  ][i % 5]?.replace('?', ` (question ${i + 1})?`),
) as string[];
/** Two sentences: the first about 10 tokens, the second about 14. */
const answer =
  'We are open every day of the week, all year. On Sunday we open at ten in the morning and close at four in the afternoon.';

/** The time the model itself needs to its first and second complete sentence, in ms. */
async function modelAlone(url: string, rounds: number) {
  const client = new OpenAI({ apiKey: 'test', baseURL: url, maxRetries: 0 });
  const first: number[] = [];
  const second: number[] = [];
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
      const count = completeSentenceCount(streamed);
      if (count >= 1 && first.length === i) first.push(performance.now() - start);
      if (count >= 2) break;
    }
    stream.controller.abort();
    second.push(performance.now() - start);
  }
  return { first, second };
}

/**
 * The end of the caller's utterance (the last transcript sent) to the first `say` of the
 * answer, per turn: the gateway as configured (`early`) and as it was (`old`: one quiet time
 * for every utterance, no speculative run, one say after the whole answer), taking turns.
 */
async function benchFirstSay(rounds = questions.length) {
  const model = await createOpenAITestServer({
    respond: () => ({ text: answer }),
    tokensPerSecond: 50,
    delayMs: 200,
  });
  const env = { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'test' };
  const common = { msPerChar: 0, replyBudgetMs: 30_000 };
  const early = await startRig({ settings: { ...defaultVoiceSettings, ...common }, env });
  const old = await startRig({
    settings: {
      ...common,
      quietMs: defaultVoiceSettings.quietMs,
      completeQuietMs: defaultVoiceSettings.quietMs,
      trailingQuietMs: defaultVoiceSettings.quietMs,
      speculate: false,
      sentenceBySentence: false,
    },
    env,
  });
  try {
    const alone = await modelAlone(model.url, 10);
    const firstSay = async (rig: typeof early, call: SimulatedCall, question: string) => {
      const before = call.lines().length;
      await call.say(question);
      const [line] = (await call.waitForLines(before + 1, 60_000)).slice(before);
      const last = rig.simulator.deliveries.findLast((d) => d.type === 'transcript_created');
      await rig.gateway.settled();
      return (line?.at ?? Number.NaN) - (last?.sentAt ?? Number.NaN);
    };
    const [earlyCall, oldCall] = [
      await early.simulator.startCall(),
      await old.simulator.startCall(),
    ];
    await earlyCall.waitForLines(1);
    await oldCall.waitForLines(1);
    const results = { early: [] as number[], old: [] as number[], quiet: [] as number[] };
    for (const question of questions.slice(0, rounds)) {
      results.early.push(await firstSay(early, earlyCall, question));
      results.old.push(await firstSay(old, oldCall, question));
      results.quiet.push(quietTimeFor(question, defaultVoiceSettings));
    }
    const stats = early.gateway.engine.stats();
    const p = (samples: number[]) =>
      `p50 ${ms(percentile(samples, 0.5))}   p90 ${ms(percentile(samples, 0.9))}`;
    const modelFirst = percentile(alone.first, 0.5);
    const quiet = percentile(results.quiet, 0.5);
    console.log(
      `\n## end of the caller's utterance → first say (${rounds} complete questions; model: 200 ms to its first token, 50 tokens/s)`,
    );
    console.log(`model alone, first sentence complete:   ${p(alone.first)}`);
    console.log(`model alone, second sentence complete:  ${p(alone.second)}`);
    console.log(`quiet time in force (complete question): ${ms(quiet)}`);
    console.log(`gateway now (early start, per sentence): ${p(results.early)}`);
    console.log(`gateway as it was (600 ms, one say):     ${p(results.old)}`);
    console.log(
      `target: max(quiet time, model's first sentence) + 50 ms = ${ms(Math.max(quiet, modelFirst) + 50)}; p50 now ${ms(percentile(results.early, 0.5))} (${ms(percentile(results.early, 0.5) - Math.max(quiet, modelFirst))} over the larger of the two)`,
    );
    console.log(
      `speculative runs: ${stats.speculative} started, ${stats.used} used, ${stats.withdrawn} withdrawn (${ms(stats.withdrawnMs)} of model time)`,
    );
  } finally {
    await early.close();
    await old.close();
    await model.close();
  }
}

await benchAck();
await benchFirstSay();
