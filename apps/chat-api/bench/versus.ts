import { loadBenchEnv } from './env';
import { benchMessage } from './fixtures';
import { connections, median, type Run, runLoad, type Target } from './load';

const { seconds, rounds } = loadBenchEnv();
const warmupSeconds = 5;

/** A chat server measured against the other: its base URL and its process's CPU URL. */
export type Contender = { name: string; url: string; cpuUrl: string };

/** One contender's figures, medians over the rounds. */
export type ContenderFigures = {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU per turn, µs. */
  serverCpuUs: number;
  /** Model-server CPU per turn, µs. */
  modelCpuUs: number;
  failures: number;
  /** Every round's run, in order (for ratios between neighbours in time). */
  rounds: Run[];
};

/** A run's server CPU per turn, µs. */
export const serverCpu = (entry: Run): number => entry.cpuUs[0] ?? Number.NaN;
/** A run's model-server CPU per turn, µs. */
export const modelCpu = (entry: Run): number => entry.cpuUs[1] ?? Number.NaN;

/**
 * `POST /chat` of each contender against the same zero-latency model server, taking turns in
 * short rounds: req/s, latency, and the CPU time the server and the model server spent per turn.
 * Each contender answers in one session, as a visitor's conversation would go on.
 */
export async function benchVersus(
  contenders: readonly [Contender, Contender],
  modelCpuUrl: string,
): Promise<[ContenderFigures, ContenderFigures]> {
  const targets: Target[] = await Promise.all(
    contenders.map(async (contender) => ({
      name: contender.name,
      url: `${contender.url}/chat`,
      method: 'POST' as const,
      body: await firstTurnBody(contender.url),
    })),
  );
  console.log(
    `\n## POST /chat: chat-api vs the AI SDK port, one zero-latency model server over HTTP ` +
      `(${connections} connections, ${rounds} rounds of ${seconds} s each, taking turns)`,
  );
  const run = (index: number, duration: number) => {
    const target = targets[index] as Target;
    return runLoad(target, duration, [contenders[index]?.cpuUrl ?? '', modelCpuUrl]);
  };
  // Warm-up, long enough for the JIT to settle each server's request path: both ran about a
  // third slower per turn over their first few seconds of load.
  for (const index of targets.keys()) await run(index, warmupSeconds);
  const runs: Run[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    // Every other round the other goes first, so that neither always follows the other.
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) runs[index]?.push(await run(index, seconds));
  }
  const figures = runs.map(
    (all): ContenderFigures => ({
      rps: median(all.map((entry) => entry.rps)),
      p50: median(all.map((entry) => entry.p50)),
      p99: median(all.map((entry) => entry.p99)),
      serverCpuUs: median(all.map(serverCpu)),
      modelCpuUs: median(all.map(modelCpu)),
      failures: all.reduce((sum, entry) => sum + entry.failures, 0),
      rounds: all,
    }),
  );
  for (const [index, target] of targets.entries()) {
    const of = figures[index] as ContenderFigures;
    console.log(
      `${target.name.padEnd(12)} ${of.rps.toFixed(0).padStart(6)} req/s  p50 ${of.p50} ms  ` +
        `p99 ${of.p99} ms  server CPU ${of.serverCpuUs.toFixed(0)} µs/turn  ` +
        `model server CPU ${of.modelCpuUs.toFixed(0)} µs/turn  ` +
        `(rounds: ${of.rounds.map((entry) => entry.rps.toFixed(0)).join(' ')} req/s; failures ${of.failures})`,
    );
  }
  return figures as [ContenderFigures, ContenderFigures];
}

/** The median over the rounds of `of(a) ÷ of(b)`, each round's pair neighbours in time. */
export function roundRatio(
  a: ContenderFigures,
  b: ContenderFigures,
  of: (entry: Run) => number,
): number {
  return median(a.rounds.map((entry, round) => of(entry) / of(b.rounds[round] as Run)));
}

/** A body that goes on with the session the server started on a first turn without one. */
async function firstTurnBody(baseUrl: string): Promise<string> {
  const first = await fetch(`${baseUrl}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: benchMessage }),
  });
  if (!first.ok) throw new Error(`${baseUrl}/chat answered ${first.status}: ${await first.text()}`);
  const { session_id } = (await first.json()) as { session_id: string };
  return JSON.stringify({ session_id, message: benchMessage });
}
