import { DelayedError, type Job, Queue, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import type { z } from 'zod';
import { maskBotTokens } from '#core/logging/logger.ts';
import type { TAddJob, TJobDefinition, TJobRun, TJobSchedule } from './job-definition.ts';
import { jobMetrics, type TJobMetrics, type TJobOutcome } from './job-metrics.ts';
import type { TWorkerContext } from './worker-context.ts';

export interface TRunningJob {
  worker: Worker;
  /**
   * Graceful by default (SIGTERM): running handlers see their signal abort and finish or hand their job back.
   * `force` behaves like a killed process instead: running jobs stay active under a lock nobody renews,
   * until a live worker's stalled check takes them over.
   */
  close(opts?: { force?: boolean }): Promise<void>;
}

/** How the worker is stopping; read by every run in flight. */
interface TStopState {
  controller: AbortController;
  forced: boolean;
}

// BullMQ's message when the stalled check gives up on a job; the processor never saw that failure.
const STALLED_OUT = /stalled more than allowable limit/;

const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

const messageOf = (error: unknown) => maskBotTokens(error instanceof Error ? error.message : String(error));

const never = () => new Promise<never>(() => {});

/**
 * Starts one BullMQ Worker for a definition: its schedules upserted (and schedules it no longer has
 * removed), its data parsed before the handler, failures logged and counted on the context's registry.
 */
export async function startJob(definition: TJobDefinition, ctx: TWorkerContext): Promise<TRunningJob> {
  const metrics = jobMetrics(ctx.metrics);
  const stop: TStopState = { controller: new AbortController(), forced: false };
  await upsertSchedules(definition, ctx);
  // The queue's own producer, for handlers that fan out and for the definition's wake-up signal.
  const producer = new Queue(definition.id, { connection: ctx.redis, prefix: ctx.queuePrefix });
  const add: TAddJob<unknown> = async (name, data, opts = {}) => {
    await producer.add(name, data, {
      ...definition.jobOptions,
      ...(opts.jobId !== undefined && { jobId: opts.jobId }),
      ...(opts.delayMs !== undefined && { delay: opts.delayMs }),
    });
  };
  const worker = new Worker(
    definition.id,
    processorOf(definition, ctx, stop, metrics, add),
    workerOptions(definition, ctx),
  );
  reportFailures(worker, definition, ctx, metrics);
  await worker.waitUntilReady();
  const waker = definition.wake?.(ctx, add);
  return {
    worker,
    async close(opts = {}) {
      await waker?.close();
      stop.forced = opts.force === true;
      stop.controller.abort();
      await worker.close(stop.forced);
      await producer.close();
    },
  };
}

function processorOf(
  definition: TJobDefinition,
  ctx: TWorkerContext,
  stop: TStopState,
  metrics: TJobMetrics,
  add: TAddJob<unknown>,
) {
  const queue = definition.id;
  const run = async (job: Job, token: string | undefined): Promise<unknown> => {
    const parsed = definition.data.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`invalid ${queue} job data: ${describeIssues(parsed.error)}`);
    const attempt = job.attemptsMade + 1;
    const handle: TJobRun<unknown> = {
      id: job.id ?? '',
      name: job.name,
      data: parsed.data,
      attempt,
      isLastAttempt: attempt >= (job.opts.attempts ?? 1),
      log: ctx.logger.child({ jobId: job.id, queue }),
      signal: stop.controller.signal,
      async later(delayMs) {
        if (stop.forced) return never();
        await job.moveToDelayed(Date.now() + delayMs, token);
        throw new DelayedError();
      },
      add,
    };
    // After a forced stop nothing more is reported: the run ends the way a killed process's would.
    try {
      const result = await definition.handle(handle, ctx);
      return stop.forced ? never() : result;
    } catch (error) {
      if (stop.forced) return never();
      throw error;
    }
  };
  return async (job: Job, token?: string): Promise<unknown> => {
    const startedAt = performance.now();
    let outcome: TJobOutcome = 'failed';
    try {
      const result = await run(job, token);
      outcome = 'completed';
      return result;
    } catch (error) {
      if (error instanceof DelayedError) outcome = 'delayed';
      throw error;
    } finally {
      metrics.duration.observe({ queue, outcome }, (performance.now() - startedAt) / 1000);
    }
  };
}

function workerOptions(definition: TJobDefinition, ctx: TWorkerContext): WorkerOptions {
  const locks = definition.locks;
  return {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    concurrency: definition.concurrency ?? 1,
    // Only what the definition sets: BullMQ reads an explicit `undefined` as a value, not as its default.
    ...(definition.limiter && { limiter: definition.limiter }),
    ...(locks?.durationMs !== undefined && { lockDuration: locks.durationMs }),
    ...(locks?.stalledIntervalMs !== undefined && { stalledInterval: locks.stalledIntervalMs }),
    ...(locks?.maxStalledCount !== undefined && { maxStalledCount: locks.maxStalledCount }),
  };
}

/** Job data may carry personal data or secrets: logs get ids, the attempt and the error message only. */
function reportFailures(
  worker: Worker,
  definition: TJobDefinition,
  ctx: TWorkerContext,
  metrics: TJobMetrics,
) {
  const queue = definition.id;
  const logger = ctx.logger.child({ queue });
  worker.on('failed', (job, error) => {
    metrics.failures.inc({ queue });
    logger.warn(
      {
        jobId: job?.id,
        name: job?.name,
        attempt: job?.attemptsMade,
        attempts: job?.opts.attempts ?? 1,
        err: messageOf(error),
      },
      'job failed',
    );
    if (!job || !definition.abandoned || !STALLED_OUT.test(error.message)) return;
    const parsed = definition.data.safeParse(job.data);
    if (!parsed.success) return;
    definition
      .abandoned(parsed.data, ctx, messageOf(error))
      .catch((e: unknown) =>
        logger.error({ jobId: job.id, err: messageOf(e) }, 'could not settle an abandoned job'),
      );
  });
  worker.on('error', (error) =>
    logger.error({ err: messageOf(error) }, 'worker error (Redis or the processor loop)'),
  );
}

const repeatOf = (schedule: TJobSchedule) =>
  'every' in schedule ? { every: schedule.every } : { pattern: schedule.pattern, tz: schedule.tz };

/**
 * Upserts by scheduler id, so every process and every restart converge on one schedule each. Data a
 * schedule would give its jobs is checked against the schema here: a mistake stops start-up instead of
 * failing every run. A scheduler the definition no longer lists would otherwise run on forever.
 */
async function upsertSchedules(definition: TJobDefinition, ctx: TWorkerContext): Promise<void> {
  const schedules = definition.schedules?.(ctx) ?? [];
  for (const schedule of schedules) definition.data.parse(schedule.data ?? {});
  const queue = new Queue(definition.id, { connection: ctx.redis, prefix: ctx.queuePrefix });
  try {
    const wanted = new Set(schedules.map((s) => s.id));
    for (const existing of await queue.getJobSchedulers()) {
      if (!wanted.has(existing.key)) await queue.removeJobScheduler(existing.key);
    }
    for (const schedule of schedules) {
      await queue.upsertJobScheduler(schedule.id, repeatOf(schedule), {
        name: schedule.name,
        data: schedule.data ?? {},
        opts: { ...definition.jobOptions, ...schedule.opts },
      });
    }
  } finally {
    await queue.close();
  }
}
