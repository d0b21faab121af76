const warmup = 20;
const samples = 200;

/** Sends a POST and resolves with the ms until the first chunk that contains `marker`. */
async function timeToFirst(url: string, body: unknown, marker: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`No body from ${url}`);
  const decoder = new TextDecoder();
  let seen = '';
  let elapsed: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (elapsed === undefined && seen.includes(marker)) elapsed = performance.now() - start;
  }
  if (elapsed === undefined) throw new Error(`No "${marker}" from ${url}: ${seen.slice(0, 200)}`);
  return elapsed;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

async function measure(run: () => Promise<number>) {
  for (let i = 0; i < warmup; i++) await run();
  const values: number[] = [];
  for (let i = 0; i < samples; i++) values.push(await run());
  return summary(values);
}

/**
 * Time to first token: the model server's own (a streamed chat completion straight from it)
 * against the same answer through chat-api's POST /chat/stream (real openai client inside).
 */
export async function benchTtft(urls: { modelUrl: string; chatApiUrl: string; mockUrl: string }) {
  const direct = await measure(() =>
    timeToFirst(
      `${urls.modelUrl}/chat/completions`,
      { model: 'bench', stream: true, messages: [{ role: 'user', content: 'When do you open?' }] },
      '"content":"We',
    ),
  );
  const through = await measure(() =>
    timeToFirst(
      `${urls.chatApiUrl}/chat/stream`,
      { message: 'When do you open?' },
      'event: text-delta',
    ),
  );
  // The same through chat-api with the in-process zero-latency model: no openai client, no hop.
  const inProcess = await measure(() =>
    timeToFirst(
      `${urls.mockUrl}/chat/stream`,
      { message: 'When do you open?' },
      'event: text-delta',
    ),
  );
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `\n## SSE time to first token (${samples} sequential requests each, after ${warmup})`,
  );
  console.log(`model server direct      p50 ${ms(direct.p50)}  p99 ${ms(direct.p99)}`);
  console.log(`through POST /chat/stream p50 ${ms(through.p50)}  p99 ${ms(through.p99)}`);
  console.log(
    `added by chat-api        p50 ${ms(through.p50 - direct.p50)}  p99 ${ms(through.p99 - direct.p99)}`,
  );
  console.log(
    `(/chat/stream with the in-process zero-latency model: p50 ${ms(inProcess.p50)}  p99 ${ms(inProcess.p99)})`,
  );
}
