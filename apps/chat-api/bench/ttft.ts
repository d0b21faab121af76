import OpenAI from 'openai';

const warmup = 20;
const samples = 300;

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

/**
 * Time to first token: the model server's own (a streamed chat completion straight from it)
 * against the same answer through chat-api's POST /chat/stream (real openai client inside),
 * and through chat-api with the in-process zero-latency model. The three take turns, sample
 * by sample, so that a busy moment of the machine hits them alike.
 */
export async function benchTtft(urls: { modelUrl: string; chatApiUrl: string; mockUrl: string }) {
  const message = 'When do you open?';
  // The model server through the openai client alone: the part of chat-api's hop it owes to it.
  const client = new OpenAI({ apiKey: 'bench', baseURL: urls.modelUrl, maxRetries: 0 });
  const runs = {
    direct: () =>
      timeToFirst(
        `${urls.modelUrl}/chat/completions`,
        { model: 'bench', stream: true, messages: [{ role: 'user', content: message }] },
        '"content":"We',
      ),
    client: async () => {
      const start = performance.now();
      const chunks = await client.chat.completions.create({
        model: 'bench',
        stream: true,
        messages: [{ role: 'user', content: message }],
      });
      let elapsed: number | undefined;
      for await (const chunk of chunks) {
        if (elapsed === undefined && chunk.choices[0]?.delta?.content) {
          elapsed = performance.now() - start;
        }
      }
      if (elapsed === undefined) throw new Error('No content from the model server');
      return elapsed;
    },
    through: () => timeToFirst(`${urls.chatApiUrl}/chat/stream`, { message }, 'event: text-delta'),
    inProcess: () => timeToFirst(`${urls.mockUrl}/chat/stream`, { message }, 'event: text-delta'),
  };
  const values = {
    direct: [] as number[],
    client: [] as number[],
    through: [] as number[],
    inProcess: [] as number[],
  };
  const added: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const direct = await runs.direct();
    const viaClient = await runs.client();
    const through = await runs.through();
    const inProcess = await runs.inProcess();
    if (i < warmup) continue;
    values.direct.push(direct);
    values.client.push(viaClient);
    values.through.push(through);
    values.inProcess.push(inProcess);
    added.push(through - direct);
  }
  const direct = summary(values.direct);
  const viaClient = summary(values.client);
  const through = summary(values.through);
  const inProcess = summary(values.inProcess);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `\n## SSE time to first token (${samples} sequential requests each, taking turns, after ${warmup})`,
  );
  console.log(`model server direct       p50 ${ms(direct.p50)}  p99 ${ms(direct.p99)}`);
  console.log(
    `(the same through the openai client, no chat-api: p50 ${ms(viaClient.p50)}  p99 ${ms(viaClient.p99)})`,
  );
  console.log(`through POST /chat/stream p50 ${ms(through.p50)}  p99 ${ms(through.p99)}`);
  console.log(
    `added by chat-api         p50 ${ms(through.p50 - direct.p50)}  p99 ${ms(through.p99 - direct.p99)}` +
      `  (median of the pairwise differences: ${ms(summary(added).p50)})`,
  );
  console.log(
    `(/chat/stream with the in-process zero-latency model: p50 ${ms(inProcess.p50)}  p99 ${ms(inProcess.p99)})`,
  );
}
