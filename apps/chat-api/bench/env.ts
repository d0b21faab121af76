/** The benchmarks' settings (the only bench file that reads the environment). */
export type BenchEnv = {
  /** BENCH_SECONDS: length of one throughput run, in seconds (default 2). */
  seconds: number;
  /** BENCH_ROUNDS: throughput rounds per target (default 7). */
  rounds: number;
  /** MODEL_URL: the OpenAI-compatible test server that `serve.ts` talks to (set by `index.ts`). */
  modelUrl: string;
};

/** Reads the benchmark settings, with their defaults, from `source`. */
export function loadBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  return {
    seconds: Number(source.BENCH_SECONDS ?? 2),
    rounds: Number(source.BENCH_ROUNDS ?? 7),
    modelUrl: source.MODEL_URL ?? '',
  };
}

/** This process's environment plus `extra`, for a child process the bench starts. */
export function childEnvironment(
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
