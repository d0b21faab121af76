import autocannon from 'autocannon';

const durationSeconds = 5;
const connections = 10;
const rounds = 2;

type Figures = { requests: number; p50: number[]; p99: number[]; failures: number };

async function run(url: string, body: string) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: durationSeconds,
  });
}

async function sessionBody(baseUrl: string) {
  const created = await fetch(`${baseUrl}/sessions`, { method: 'POST' });
  const { session_id } = (await created.json()) as { session_id: string };
  return JSON.stringify({ session_id, message: 'When do you open?' });
}

/**
 * POST /chat (zero-latency model, memory history) against a bare Hono route on the same server
 * returning a JSON of the same size, in alternating rounds (the machine may be busy with other
 * work); also /chat with a stub assistant, to split the HTTP layer's cost from the turn's.
 */
export async function benchThroughput(baseUrl: string, stubUrl: string) {
  const targets = [
    { name: 'bare route', url: `${baseUrl}/bare`, body: await sessionBody(baseUrl) },
    { name: 'POST /chat', url: `${baseUrl}/chat`, body: await sessionBody(baseUrl) },
    { name: '/chat, stub assistant', url: `${stubUrl}/chat`, body: await sessionBody(stubUrl) },
  ];
  const sizes = await Promise.all(
    targets.map(async (target) => {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: target.body,
      });
      return `${target.name} ${(await response.text()).length} B`;
    }),
  );
  console.log(
    `\n## POST /chat vs a bare Hono route (${connections} connections, ${durationSeconds} s runs)`,
  );
  console.log(`response sizes: ${sizes.join(', ')}`);
  for (const target of targets) await run(target.url, target.body); // warm-up (JIT)

  const figures = targets.map((): Figures => ({ requests: 0, p50: [], p99: [], failures: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const result = await run(target.url, target.body);
      const entry = figures[index] as Figures;
      entry.requests += result.requests.average / rounds;
      entry.p50.push(result.latency.p50);
      entry.p99.push(result.latency.p99);
      entry.failures += result.non2xx + result.errors;
    }
  }
  for (const [index, target] of targets.entries()) {
    const entry = figures[index] as Figures;
    console.log(
      `${target.name.padEnd(22)} ${entry.requests.toFixed(0).padStart(6)} req/s  ` +
        `p50 ${entry.p50.join('/')} ms  p99 ${entry.p99.join('/')} ms  (failures ${entry.failures})`,
    );
  }
  const [bare, chat, stub] = figures.map((entry) => entry.requests) as [number, number, number];
  console.log(`ratio POST /chat ÷ bare: ${(chat / bare).toFixed(2)}`);
  console.log(
    `ratio /chat with a stub assistant ÷ bare (HTTP layer only): ${(stub / bare).toFixed(2)}`,
  );
}
