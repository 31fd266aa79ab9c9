/** Small statistics helpers for benchmarks: medians and percentiles of timings. */

/** The p-th percentile (0…100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Milliseconds a synchronous or async function takes, per call, over `samples` calls. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * The median of `runs` measurements, taken one after another: what a figure on these noisy
 * machines is quoted as when one measurement swings between runs.
 */
export async function medianOf(runs: number, measure: () => Promise<number> | number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  return percentile(samples, 50);
}

/** "1.23 ms". */
export const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** "3.4× the baseline" — ours divided by the baseline (below 1: ours is faster). */
export const ratio = (baseline: number, ours: number) => `${(ours / baseline).toFixed(2)}× baseline`;

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
