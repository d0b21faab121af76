/** The benchmarks' settings (the only bench file that reads the environment). */
export type BenchEnv = {
  /** BENCH_URL: the gateway the load generator sends webhooks to (set by `index.ts`). */
  url: string;
  /** BENCH_SECRET: the webhook signing secret (set by `index.ts`). */
  secret: string;
  /** BENCH_SECONDS: length of the webhook load run, in seconds (default 5). */
  seconds: number;
  /** BENCH_CONNECTIONS: concurrent connections of the load generator (default 8). */
  connections: number;
};

/** Reads the benchmark settings, with their defaults, from `source`. */
export function loadBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  return {
    url: source.BENCH_URL ?? '',
    secret: source.BENCH_SECRET ?? '',
    seconds: Number(source.BENCH_SECONDS ?? 5),
    connections: Number(source.BENCH_CONNECTIONS ?? 8),
  };
}

/** This process's environment plus `extra`, for a child process the bench starts. */
export function childEnvironment(
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
