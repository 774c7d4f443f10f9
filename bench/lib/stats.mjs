// Statistics for the bench: percentiles of per-operation latencies, and median/min/max across runs.

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median, min and max of one figure measured once per run. */
export function spread(values) {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, runs: 0 };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** For per-operation latencies (ms) of several runs: p50 and p99 of each run, then their spread across runs. */
export function latencyFigures(runs) {
  return { p50: spread(runs.map((r) => percentile(r, 50))), p99: spread(runs.map((r) => percentile(r, 99))) };
}
