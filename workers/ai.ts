import { DelayedError, UnrecoverableError } from 'bullmq';
import { AI_QUEUE, ZAiJobSchema } from '#core/ai/generation/generation-job.ts';
import { GenerationInterrupted, runGeneration } from '#core/ai/generation/run-generation.ts';
import { failGeneration } from '#core/ai/generation/settle-generation.ts';
import { maskBotTokens } from '#core/logging/logger.ts';
import { finishTaskRun } from '#core/video-tasks/finish-task-run.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';

const HAND_BACK_DELAY_MS = 1_000;

const generationDeps = (ctx: TWorkerContext) => ({
  db: ctx.db,
  ai: ctx.ai,
  store: ctx.fileStore,
  delivery: ctx.generationDelivery,
  logger: ctx.logger,
  /**
   * Told about every request once it is final, before the request is marked announced (`notified_at`); a
   * crash in between runs it again, so it is idempotent. Video tasks hang their own ending here (task status,
   * launch log, the bot's message); other requests return after one read.
   */
  onFinished: (requestId: bigint) =>
    finishTaskRun(
      { db: ctx.db, notifyQueue: ctx.notifyQueue, translator: ctx.translator, links: ctx.links },
      requestId,
    ),
});

/**
 * The last word on a request whose job will not run again. If even that fails it is logged: a row still in
 * flight is settled by ai-recovery, one already final keeps its status message as it was.
 */
const lastWord = (ctx: TWorkerContext, requestId: bigint, message: string) =>
  failGeneration(generationDeps(ctx), requestId, { code: 'internal', message }).catch((error: unknown) =>
    ctx.logger.error({ requestId: requestId.toString(), err: String(error) }, 'could not settle a request'),
  );

/**
 * Runs the `ai` queue: images, video, audio and photo tools (core/ai/generation/run-generation.ts). A job is
 * idempotent by its request row: the provider's job id is stored at submission, so stalls, retries and
 * restarts resume polling instead of paying again, and every message it sends is journaled, so a rerun
 * neither repeats nor loses one. On SIGTERM runs waiting on a provider hand their job back as a delayed job,
 * so the next worker resumes them at once.
 */
export const aiJob = defineJob({
  id: AI_QUEUE,
  data: ZAiJobSchema,
  // Most of a job's time is spent waiting for a provider, not on CPU.
  concurrency: 20,
  // A worker dying mid-poll is what this queue is built to survive; the row keeps the provider job.
  locks: { durationMs: 30_000, stalledIntervalMs: 30_000, maxStalledCount: 5 },
  async handle(job, ctx) {
    const requestId = BigInt(job.data.requestId);
    const log = job.log.child({ requestId: job.data.requestId });
    try {
      const outcome = await runGeneration(generationDeps(ctx), requestId, { signal: job.signal });
      if (outcome.kind === 'later') {
        log.debug({ delayMs: outcome.delayMs, reason: outcome.reason }, 'generation continues later');
        return job.later(outcome.delayMs);
      }
      // The row says why and the user was told; failing the job too keeps BullMQ's view honest, no retry.
      if (outcome.status === 'failed') throw new UnrecoverableError('generation failed');
      return outcome;
    } catch (error) {
      if (error instanceof DelayedError || error instanceof UnrecoverableError) throw error;
      if (error instanceof GenerationInterrupted) return job.later(HAND_BACK_DELAY_MS);
      const message = maskBotTokens(error instanceof Error ? error.message : String(error));
      log.warn({ err: message, attempt: job.attempt }, 'generation run failed');
      if (job.isLastAttempt) await lastWord(ctx, requestId, message);
      throw error;
    }
  },
  // A job the stalled check gave up on never reached the handler's own last-attempt handling.
  async abandoned(data, ctx, reason) {
    await lastWord(ctx, BigInt(data.requestId), reason);
  },
});
