import type { TFigures } from './types.ts';

/** Nearest-rank percentile of ascending-sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** Throughput and latency percentiles of one measured phase. */
export function summarize(latenciesMs: readonly number[], wallMs: number): TFigures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    operations: sorted.length,
    wallMs: round(wallMs),
    perSecond: round(sorted.length / (wallMs / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Microsecond precision is more than any of these figures can claim; it keeps result files readable. */
export const round = (value: number, digits = 3): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
