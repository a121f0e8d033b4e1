import type { JobSchedulerTemplateOptions } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '#core/logging/logger.ts';
import type { TWorkerContext } from './worker-context.ts';

/**
 * A queue's worker as plain data (workers/runtime/start-job.ts runs it; workers/jobs.ts lists them all). The
 * handler is a thin adapter: it gets the parsed data and the worker context and calls core functions.
 */
export interface TJobDefinition<D = unknown> {
  /** The queue's name. */
  id: string;
  /** Job data is parsed with it before the handler runs; data it refuses fails the job for good. */
  data: z.ZodType<D>;
  handle(job: TJobRun<D>, ctx: TWorkerContext): Promise<unknown>;
  /**
   * Repeating jobs, upserted at every start under their scheduler id: any number of worker processes and
   * restarts keep one schedule each. A function of the context, so intervals and zones may come from env.
   */
  schedules?: (ctx: TWorkerContext) => readonly TJobSchedule[];
  /** Jobs in flight per process (BullMQ's default: 1). */
  concurrency?: number;
  /** At most `max` jobs per `duration` ms, counted across every worker process through Redis. */
  limiter?: { max: number; duration: number };
  /** Options of the jobs its schedules create, unless a schedule says otherwise. */
  jobOptions?: JobSchedulerTemplateOptions;
  /**
   * BullMQ's job lock (default 30 s) and stalled check (every 30 s, one recovery): a job whose process died
   * goes back to the queue once its lock lapses. Long jobs built to resume allow more recoveries.
   */
  locks?: { durationMs?: number; stalledIntervalMs?: number; maxStalledCount?: number };
  /**
   * Called when BullMQ fails a job without running the handler's last attempt (it stalled more than
   * `maxStalledCount` times, its processes having died), so the handler's own final clean-up never ran.
   * Must be idempotent; errors are logged. `reason` is BullMQ's message.
   */
  abandoned?(data: D, ctx: TWorkerContext, reason: string): Promise<unknown>;
  /**
   * A signal from outside BullMQ that adds this queue's jobs the moment something happens (a PostgreSQL
   * LISTEN): started with the worker, stopped before it. Its schedules stay the safety net for what it misses.
   */
  wake?(ctx: TWorkerContext, add: TAddJob<D>): { close(): Promise<void> };
}

/** Adds a job to the definition's own queue; a `jobId` that already exists adds nothing. */
export type TAddJob<D> = (
  name: string,
  data: D,
  opts?: { jobId?: string; delayMs?: number },
) => Promise<void>;

/** One repeating job: every `every` ms, or on a cron `pattern` in time zone `tz`. */
export type TJobSchedule = {
  /** BullMQ job scheduler id: the same in every process, which is what makes the upsert idempotent. */
  id: string;
  /** The job's name (a handler may tell several schedules apart by it). */
  name: string;
  data?: Record<string, unknown>;
  opts?: JobSchedulerTemplateOptions;
} & ({ every: number } | { pattern: string; tz?: string });

/** What a handler sees of its job. */
export interface TJobRun<D> {
  id: string;
  name: string;
  /** Parsed with the definition's schema. */
  data: D;
  /** This attempt's number, from 1. */
  attempt: number;
  /** No retry follows if this attempt fails: the handler's last chance to record the failure. */
  isLastAttempt: boolean;
  /** `jobId` and `queue` bound. */
  log: Logger;
  /** Aborted when the worker stops: a long job hands itself back with `later` instead of finishing. */
  signal: AbortSignal;
  /**
   * Moves the job back to the queue, due in `delayMs`, without using an attempt, and ends this run (await
   * or return it). After a forced stop it never settles: the job stays where it is, as if the process died.
   */
  later(delayMs: number): Promise<never>;
  /** Adds jobs to this same queue (a sweep that fans out into one job per row); see TAddJob. */
  add(name: string, data: D, opts?: { jobId?: string; delayMs?: number }): Promise<void>;
}

/**
 * Builds a definition with its handler's data type inferred from the schema. The list in workers/jobs.ts
 * holds them without it: the runner only ever hands a handler what that definition's own schema parsed.
 */
export const defineJob = <D>(definition: TJobDefinition<D>): TJobDefinition => definition;
