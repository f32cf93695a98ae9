// Order statistics for the timings (nearest-rank, no interpolation).

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** The summary every latency bench reports of its measured times. */
export function latencySummary(times: readonly number[]): { p50Ms: number; p95Ms: number; maxMs: number; samples: number } {
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times), samples: times.length };
}

export const MB = 1024 * 1024;

/** Reads the peak RSS (kilobytes) that peak-rss.cjs left, in MB; undefined when the process did not write it. */
export function peakRssMB(text: string | undefined): number | undefined {
  const kilobytes = Number(text);
  return text && Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes / 1024 : undefined;
}
