/** Summary figures of a list of durations in ms. */
/** Mean, median and 99th percentile of a sample. */
export type Summary = { mean: number; p50: number; p99: number; n: number };

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { mean, p50: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Times `run` `count` times after `warmup` untimed runs; returns each duration in ms. */
export async function time(
  count: number,
  warmup: number,
  run: (i: number) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export const ms = (value: number): string => `${value.toFixed(3)} ms`;
export const us = (value: number): string => `${(value * 1000).toFixed(1)} µs`;
