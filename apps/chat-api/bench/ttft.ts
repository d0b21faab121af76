import OpenAI from 'openai';
import { benchMessage } from './fixtures';

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

/** Added time to the first streamed token, ms, of chat-api and of the AI SDK port. */
export type AddedTtft = {
  /** p50 through the server minus the model server's own p50. */
  chatApi: number;
  port: number;
  /** The median of the sample-by-sample differences (the same, less sensitive to drift). */
  chatApiPaired: number;
  portPaired: number;
};

/**
 * Time to first token: the model server's own (a streamed chat completion straight from it)
 * against the same answer through chat-api's POST /chat/stream (real openai client inside),
 * through the AI SDK port's, and through chat-api with the in-process zero-latency model. They
 * take turns, sample by sample, so that a busy moment of the machine hits them alike.
 */
export async function benchTtft(urls: {
  modelUrl: string;
  chatApiUrl: string;
  portUrl: string;
  mockUrl: string;
}): Promise<AddedTtft> {
  const message = benchMessage;
  // The model server through the openai client alone: the part of chat-api's hop it owes to it.
  const client = new OpenAI({ apiKey: 'bench', baseURL: urls.modelUrl, maxRetries: 0 });
  const marker = 'event: text-delta';
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
    through: () => timeToFirst(`${urls.chatApiUrl}/chat/stream`, { message }, marker),
    port: () => timeToFirst(`${urls.portUrl}/chat/stream`, { message }, marker),
    inProcess: () => timeToFirst(`${urls.mockUrl}/chat/stream`, { message }, marker),
  };
  const names = Object.keys(runs) as (keyof typeof runs)[];
  const values = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    keyof typeof runs,
    number[]
  >;
  const added = { through: [] as number[], port: [] as number[] };
  for (let i = 0; i < warmup + samples; i++) {
    const sample = {} as Record<keyof typeof runs, number>;
    for (const name of names) sample[name] = await runs[name]();
    if (i < warmup) continue;
    for (const name of names) values[name].push(sample[name]);
    added.through.push(sample.through - sample.direct);
    added.port.push(sample.port - sample.direct);
  }
  const direct = summary(values.direct);
  const viaClient = summary(values.client);
  const through = summary(values.through);
  const port = summary(values.port);
  const inProcess = summary(values.inProcess);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const paired = { through: summary(added.through).p50, port: summary(added.port).p50 };
  console.log(
    `\n## SSE time to first token (${samples} sequential requests each, taking turns, after ${warmup})`,
  );
  console.log(`model server direct        p50 ${ms(direct.p50)}  p99 ${ms(direct.p99)}`);
  console.log(
    `(the same through the openai client, no chat-api: p50 ${ms(viaClient.p50)}  p99 ${ms(viaClient.p99)})`,
  );
  console.log(`through chat-api           p50 ${ms(through.p50)}  p99 ${ms(through.p99)}`);
  console.log(`through the AI SDK port    p50 ${ms(port.p50)}  p99 ${ms(port.p99)}`);
  console.log(
    `added by chat-api          p50 ${ms(through.p50 - direct.p50)}  p99 ${ms(through.p99 - direct.p99)}` +
      `  (median of the pairwise differences: ${ms(paired.through)})`,
  );
  console.log(
    `added by the AI SDK port   p50 ${ms(port.p50 - direct.p50)}  p99 ${ms(port.p99 - direct.p99)}` +
      `  (median of the pairwise differences: ${ms(paired.port)})`,
  );
  console.log(
    `(/chat/stream with the in-process zero-latency model: p50 ${ms(inProcess.p50)}  p99 ${ms(inProcess.p99)})`,
  );
  return {
    chatApi: through.p50 - direct.p50,
    port: port.p50 - direct.p50,
    chatApiPaired: paired.through,
    portPaired: paired.port,
  };
}
