import autocannon from 'autocannon';

/** Connections the load generator keeps open. */
export const connections = 10;

/** One load target. */
export type Target = { name: string; url: string; method: 'GET' | 'POST'; body?: string };

/** One timed run against a target. */
export type Run = {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time per request served, in µs, of each process whose CPU URL was given. */
  cpuUs: number[];
};

/** A process's CPU time so far, in µs (user + system), from its `/bench-cpu` URL. */
async function cpuTime(cpuUrl: string): Promise<number> {
  const usage = (await (await fetch(cpuUrl)).json()) as NodeJS.CpuUsage;
  return usage.user + usage.system;
}

/**
 * Loads `target` for `duration` seconds and divides the CPU time each of `cpuUrls`' processes
 * spent meanwhile by the requests served (it does not depend on how fast the load generator,
 * on the same machine, keeps up).
 */
export async function runLoad(target: Target, duration: number, cpuUrls: string[]): Promise<Run> {
  const before = await Promise.all(cpuUrls.map(cpuTime));
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: { 'content-type': 'application/json' },
    ...(target.body ? { body: target.body } : {}),
    connections,
    duration,
  });
  const after = await Promise.all(cpuUrls.map(cpuTime));
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    cpuUs: after.map((value, index) => (value - (before[index] ?? value)) / requests),
  };
}

/** The median (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A JSON chat body in a new session of the chat server at `baseUrl`. */
export async function sessionBody(baseUrl: string, message: string): Promise<string> {
  const created = await fetch(`${baseUrl}/sessions`, { method: 'POST' });
  const { session_id } = (await created.json()) as { session_id: string };
  return JSON.stringify({ session_id, message });
}
