import { z } from 'zod';
import { deleteExpiredFiles } from '#core/files/delete-expired-files.ts';
import { sweepStaleTempFiles } from '#core/files/sweep-stale-temp-files.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const FILE_CLEANUP_QUEUE = 'file-cleanup';
export const FILE_CLEANUP_SCHEDULER = 'file-cleanup-daily';
/** Every day at 03:00 in FILE_CLEANUP_TZ: the quietest hour, and the spec's. */
export const FILE_CLEANUP_PATTERN = '0 3 * * *';

export interface TFileCleanupResult {
  count: number;
  /** Decimal string: job results are JSON. */
  bytes: string;
  failed: number;
  staleTempFiles: number;
}

/**
 * Deletes expired files once a day (core/files/delete-expired-files.ts logs the count, bytes and ids), and
 * temporary files interrupted uploads left in FILES_DIR. One job scheduler id for every worker process, so
 * a day gets one run however many workers there are; were two to overlap, deleteExpiredFiles is idempotent
 * and counts each file once.
 */
export const fileCleanupJob = defineJob({
  id: FILE_CLEANUP_QUEUE,
  data: z.object({}),
  schedules: (ctx) => [
    {
      id: FILE_CLEANUP_SCHEDULER,
      name: 'delete-expired',
      pattern: FILE_CLEANUP_PATTERN,
      tz: ctx.config.FILE_CLEANUP_TZ,
      opts: { removeOnComplete: 30, removeOnFail: 30 },
    },
  ],
  async handle(job, ctx): Promise<TFileCleanupResult> {
    const deleted = await deleteExpiredFiles({ db: ctx.db, store: ctx.fileStore, logger: job.log });
    const staleTempFiles = await sweepStaleTempFiles(ctx.config.FILES_DIR);
    if (staleTempFiles > 0) job.log.info({ staleTempFiles }, 'stale temporary files removed');
    return {
      count: deleted.count,
      bytes: deleted.bytes.toString(),
      failed: deleted.failed.length,
      staleTempFiles,
    };
  },
});
