import type { TBenchResult, TFigures } from './types.ts';

interface TColumn {
  heading: (result: TBenchResult) => string;
  value: (figures: TFigures) => number | undefined;
  digits: number;
}

const COLUMNS: TColumn[] = [
  { heading: (r) => `${r.unit}/s`, value: (f) => f.perSecond, digits: 0 },
  { heading: () => 'p50 ms', value: (f) => f.p50Ms, digits: 1 },
  { heading: () => 'p95 ms', value: (f) => f.p95Ms, digits: 1 },
  { heading: () => 'p99 ms', value: (f) => f.p99Ms, digits: 1 },
  { heading: () => 'CPU ms/op', value: (f) => f.cpuMsPerOp, digits: 2 },
];

const LABEL_WIDTH = 42;
const COLUMN_WIDTH = 11;

const cell = (value: number | undefined, digits: number) =>
  (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits)).padStart(COLUMN_WIDTH);

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;

/** One block per entry: its rows, then its comparisons as ratios of every column. */
export function formatTable(results: readonly TBenchResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      result.title.padEnd(LABEL_WIDTH) +
        COLUMNS.map((c) => c.heading(result).padStart(COLUMN_WIDTH)).join(''),
    );
    const printed = new Set<string>();
    for (const row of result.rows) {
      lines.push(
        `  ${row.label}`.padEnd(LABEL_WIDTH) +
          COLUMNS.map((c) => cell(c.value(row.figures), c.digits)).join(''),
      );
      printed.add(row.key);
      // A ratio goes right under the second of its two rows, so each comparison reads as a small block.
      for (const comparison of result.comparisons) {
        const { numerator, denominator } = comparison;
        if (row.key !== numerator && row.key !== denominator) continue;
        if (!printed.has(numerator) || !printed.has(denominator)) continue;
        const top = result.rows.find((r) => r.key === numerator)?.figures;
        const bottom = result.rows.find((r) => r.key === denominator)?.figures;
        if (!top || !bottom) continue;
        lines.push(
          `  ${comparison.label}`.padEnd(LABEL_WIDTH) +
            COLUMNS.map((c) => cell(ratio(c.value(top), c.value(bottom)), 2)).join(''),
        );
      }
    }
    for (const note of result.notes) lines.push(`  · ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
