import { Counter, Histogram, type Registry } from 'prom-client';

export interface TJobMetrics {
  failures: Counter<'queue'>;
  duration: Histogram<'queue' | 'outcome'>;
}

/** How a handler run ended: `delayed` is a job that moved itself back (a rate limit, a long poll). */
export type TJobOutcome = 'completed' | 'failed' | 'delayed';

const FAILURES = 'polygram_job_failures_total';
const DURATION = 'polygram_job_duration_seconds';

/** The job metrics on the worker process's registry, created by the first job started on it. */
export function jobMetrics(registry: Registry): TJobMetrics {
  const failures = registry.getSingleMetric(FAILURES);
  const duration = registry.getSingleMetric(DURATION);
  return {
    failures:
      failures instanceof Counter
        ? failures
        : new Counter({
            name: FAILURES,
            help: 'Job attempts that failed (each failed attempt counts, retried or not), by queue',
            labelNames: ['queue'],
            registers: [registry],
          }),
    duration:
      duration instanceof Histogram
        ? duration
        : new Histogram({
            name: DURATION,
            help: 'Time a handler run took, by queue and outcome',
            labelNames: ['queue', 'outcome'],
            buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
            registers: [registry],
          }),
  };
}
