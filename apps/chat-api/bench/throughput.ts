import { loadBenchEnv } from './env';
import { benchMessage } from './fixtures';
import { cpuPath } from './listen';
import { connections, median, type Run, runLoad, sessionBody, type Target } from './load';

const { seconds, rounds } = loadBenchEnv();

const run = (target: Target, duration: number, baseUrl: string) =>
  runLoad(target, duration, [`${baseUrl}${cpuPath}`]);
const cpuOf = (entry: Run) => entry.cpuUs[0] ?? Number.NaN;

/**
 * POST /chat (zero-latency model, memory history) against a bare Hono route on the same server
 * returning a JSON of the same size. The machine is shared and noisy, so the targets take turns
 * in short rounds and each round's ratio is taken between neighbours in time; the figures are
 * medians over the rounds. Three more targets split the gap: GET /healthz (the app's middleware
 * on every request, nothing else), a bare route that reads and validates the same body (the
 * least a chat endpoint does) and /chat with a stub assistant (the whole HTTP layer: body,
 * validation, session, limits, but no turn).
 */
export async function benchThroughput(baseUrl: string, stubUrl: string) {
  const targets: Target[] = [
    {
      name: 'bare route',
      url: `${baseUrl}/bare`,
      method: 'POST',
      body: await sessionBody(baseUrl, benchMessage),
    },
    {
      name: 'POST /chat',
      url: `${baseUrl}/chat`,
      method: 'POST',
      body: await sessionBody(baseUrl, benchMessage),
    },
    { name: 'GET /healthz', url: `${stubUrl}/healthz`, method: 'GET' },
    {
      name: 'bare, body validated',
      url: `${baseUrl}/bare-validated`,
      method: 'POST',
      body: await sessionBody(baseUrl, benchMessage),
    },
    {
      name: '/chat, stub assistant',
      url: `${stubUrl}/chat`,
      method: 'POST',
      body: await sessionBody(stubUrl, benchMessage),
    },
  ];
  const sizes = await Promise.all(
    targets.slice(0, 2).map(async (target) => {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: target.body ?? null,
      });
      return `${target.name} ${(await response.text()).length} B`;
    }),
  );
  console.log(
    `\n## POST /chat vs a bare Hono route (${connections} connections, ${rounds} rounds of ${seconds} s each, taking turns)`,
  );
  console.log(`response bodies: ${sizes.join(', ')}`);
  // Every server lives in the one bench process, so its CPU time covers them all.
  for (const target of targets) await run(target, 1, baseUrl); // warm-up (JIT)

  const runs: Run[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      runs[index]?.push(await run(target, seconds, baseUrl));
    }
  }
  const [bare = [], chat = [], health = [], validated = [], stub = []] = runs;
  for (const [index, target] of targets.entries()) {
    const all = runs[index] ?? [];
    const failures = all.reduce((sum, entry) => sum + entry.failures, 0);
    console.log(
      `${target.name.padEnd(22)} ${median(all.map((entry) => entry.rps))
        .toFixed(0)
        .padStart(6)} req/s  ` +
        `p50 ${median(all.map((entry) => entry.p50))} ms  p99 ${median(all.map((entry) => entry.p99))} ms  ` +
        `server CPU ${median(all.map(cpuOf)).toFixed(0)} µs/request  ` +
        `(rounds: ${all.map((entry) => (entry.rps / 1000).toFixed(1)).join(' ')}k; failures ${failures})`,
    );
  }
  const ratio = (of: Run[]) =>
    median(of.map((entry, round) => entry.rps / (bare[round]?.rps ?? Number.NaN))).toFixed(2);
  console.log(`ratio POST /chat ÷ bare (median of the rounds): ${ratio(chat)}`);
  console.log(`  GET /healthz ÷ bare (the middleware alone): ${ratio(health)}`);
  console.log(
    `  bare route that reads and validates the body ÷ bare (no middleware, no turn): ${ratio(validated)}`,
  );
  console.log(`  /chat with a stub assistant ÷ bare (the HTTP layer alone): ${ratio(stub)}`);
  // CPU per request does not depend on how fast the load generator (same machine) keeps up.
  const cpu = (of: Run[]) => median(of.map(cpuOf));
  console.log(
    `server CPU per request: bare ${cpu(bare).toFixed(0)} µs, validated ${cpu(validated).toFixed(0)} µs, ` +
      `/healthz ${cpu(health).toFixed(0)} µs, ` +
      `/chat stub ${cpu(stub).toFixed(0)} µs, /chat ${cpu(chat).toFixed(0)} µs ` +
      `(bare ÷ /chat: ${(cpu(bare) / cpu(chat)).toFixed(2)})`,
  );
}
