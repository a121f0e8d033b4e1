import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Api } from 'grammy';
import { AI_QUEUE, type TAiJob, ZAiJobSchema } from '#core/ai/generation/generation-job.ts';
import { GenerationInterrupted, runGeneration } from '#core/ai/generation/run-generation.ts';
import { failGeneration } from '#core/ai/generation/settle-generation.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { StoredFile } from '#core/db/generated/client.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { LOCALES_DIR, loadTranslator, type Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { maskBotTokens } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { createTelegramDelivery } from './ai/telegram-delivery.ts';
import { telegramRetries } from './ai/telegram-retries.ts';

export interface AiWorkerDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  /** An `Api` of the user bot for this worker alone: it installs its retries (ai/telegram-retries.ts). */
  api: Api;
  ai: TAiGateway;
  fileStore: TFileStore;
  translator?: Translator;
  /** Jobs in flight per process; most of their time is spent waiting for a provider, not on CPU. */
  concurrency?: number;
  /** BullMQ's lock: a job whose worker died is taken over this long after its last renewal. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  minEditIntervalMs?: number;
  /** See TTelegramDeliveryDeps: results too big for Telegram go out as this signed link. */
  publicFileUrl?: (file: StoredFile) => string | null;
  uploadLimitBytes?: number;
  /**
   * Told about every request once it is final, before the request is marked announced (`notified_at`); a
   * crash in between runs it again, so it must be idempotent. Video tasks hang their own ending here
   * (core/video-tasks/finish-task-run.ts: task status, launch log, the bot's message).
   */
  onFinished?: (requestId: bigint) => Promise<unknown>;
}

export interface AiWorker {
  worker: Worker<TAiJob>;
  /**
   * Graceful (SIGTERM): runs waiting on a provider hand their job back as a delayed job and end, so the
   * next worker resumes them at once. `force` behaves like a killed process instead: in-flight runs stop
   * where they are, touching nothing, and their jobs stay active under a lock nobody renews until a live
   * worker's stalled check takes them over.
   */
  close(opts?: { force?: boolean }): Promise<void>;
}

const HAND_BACK_DELAY_MS = 1_000;

/**
 * Runs the `ai` queue: images, video, audio and photo tools (core/ai/generation/run-generation.ts). A job is
 * idempotent by its request row, so stalls, retries and restarts resume instead of repeating work.
 */
export function startAiWorker(deps: AiWorkerDeps): AiWorker {
  deps.api.config.use(telegramRetries());
  const translator = deps.translator ?? loadTranslator(LOCALES_DIR);
  const delivery = createTelegramDelivery({
    api: deps.api,
    db: deps.db,
    translator,
    logger: deps.logger,
    minEditIntervalMs: deps.minEditIntervalMs,
    publicFileUrl: deps.publicFileUrl,
    uploadLimitBytes: deps.uploadLimitBytes,
  });
  const run = {
    db: deps.db,
    ai: deps.ai,
    store: deps.fileStore,
    delivery,
    logger: deps.logger,
    onFinished: deps.onFinished,
  };
  // The last word on a request whose job will not run again. If even that fails it is logged: a row still
  // in flight is settled by ai-recovery, one already final keeps its status message as it was.
  const lastWord = (requestId: bigint, message: string) =>
    failGeneration(run, requestId, { code: 'internal', message }).catch((error: unknown) =>
      deps.logger.error(
        { requestId: requestId.toString(), err: String(error) },
        'could not settle a request',
      ),
    );
  const stopping = new AbortController();
  let abandon = false;

  const processor = async (job: Job<TAiJob>, token?: string) => {
    const parsed = ZAiJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid ai job: ${parsed.error.message}`);
    const requestId = BigInt(parsed.data.requestId);
    const log = deps.logger.child({ jobId: job.id, queue: AI_QUEUE, requestId: parsed.data.requestId });
    try {
      const outcome = await runGeneration(run, requestId, { signal: stopping.signal });
      if (outcome.kind === 'later') {
        log.debug({ delayMs: outcome.delayMs, reason: outcome.reason }, 'generation continues later');
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      }
      // The row says why and the user was told; failing the job too keeps BullMQ's view honest, no retry.
      if (outcome.status === 'failed') throw new UnrecoverableError('generation failed');
      return outcome;
    } catch (error) {
      if (error instanceof DelayedError || error instanceof UnrecoverableError) throw error;
      if (error instanceof GenerationInterrupted) {
        if (abandon) return new Promise<never>(() => {});
        await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
        throw new DelayedError();
      }
      const message = maskBotTokens(error instanceof Error ? error.message : String(error));
      log.warn({ err: message, attempt: job.attemptsMade + 1 }, 'generation run failed');
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await lastWord(requestId, message);
      throw error;
    }
  };

  const worker = new Worker<TAiJob>(AI_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 20,
    lockDuration: deps.lockDurationMs ?? 30_000,
    stalledInterval: deps.stalledIntervalMs ?? 30_000,
    // A worker dying mid-poll is what this queue is built to survive; the row keeps the provider job.
    maxStalledCount: 5,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    deps.logger.warn({ jobId: job.id, queue: AI_QUEUE, err: error.message }, 'ai job failed');
    // A job the stalled check gave up on never reached the processor's own last-attempt handling.
    if (/stalled more than allowable limit/.test(error.message)) {
      const parsed = ZAiJobSchema.safeParse(job.data);
      if (parsed.success) void lastWord(BigInt(parsed.data.requestId), error.message);
    }
  });
  return {
    worker,
    async close(opts = {}) {
      abandon = opts.force === true;
      stopping.abort();
      await worker.close(opts.force);
    },
  };
}
