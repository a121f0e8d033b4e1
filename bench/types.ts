/**
 * The contract between bench/main.ts and the benchmark entries. Each entry measures a few configurations
 * ("rows") of the same workload and names the pairs worth comparing; main.ts prints them all in one table
 * and stores them in one JSON file, so later entries (ledger, broadcast, AI streaming, queue) plug in
 * without touching the printing or the file format.
 */

/** What one configuration achieved in the measured phase (warm-up excluded). */
export interface TFigures {
  /** Operations completed in the measured phase. */
  operations: number;
  /** From the first operation started to the last one completed. */
  wallMs: number;
  /** Completed operations per second of wall time. */
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * CPU time (user + system) of the process under test per operation, when the entry can attribute it:
   * unlike throughput it does not depend on whether the load generator or the database was the bottleneck.
   */
  cpuMsPerOp?: number;
  /** CPU time of the process under test over wall time (1 = one core busy the whole phase). */
  cpuCores?: number;
}

export interface TBenchRow {
  /** Stable key, referenced by comparisons and by anyone diffing result files. */
  key: string;
  label: string;
  figures: TFigures;
  /** Entry-specific context kept in the JSON (e.g. how busy the load generator and the machine were). */
  details?: Record<string, number | string>;
}

/** A ratio row: `numerator / denominator` for every figure. */
export interface TComparison {
  label: string;
  numerator: string;
  denominator: string;
}

export interface TBenchResult {
  name: string;
  /** Heading of this entry's block in the table, e.g. "bot updates (through local Bot API)". */
  title: string;
  /** What one operation is, for the throughput column, e.g. "updates". */
  unit: string;
  /** Workload parameters, so results from different runs are comparable. */
  workload: Record<string, number | string>;
  rows: TBenchRow[];
  comparisons: TComparison[];
  /** Anything the reader needs to interpret the figures (bottlenecks, harness load). */
  notes: string[];
}

export interface TBenchModule {
  name: string;
  run(): Promise<TBenchResult>;
}

export interface TMachine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  arch: string;
  /** 1-minute load average when the bench started: a busy machine explains odd figures. */
  loadAverage: number;
}

/** The whole file written to bench/results/. */
export interface TBenchReport {
  startedAt: string;
  finishedAt: string;
  gitCommit: string | null;
  machine: TMachine;
  results: TBenchResult[];
}
