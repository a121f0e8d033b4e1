import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { deleteExpiredFiles } from '#core/files/delete-expired-files.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { sweepStaleTempFiles } from '#core/files/sweep-stale-temp-files.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export const FILE_CLEANUP_QUEUE = 'file-cleanup';
export const FILE_CLEANUP_SCHEDULER = 'file-cleanup-daily';
/** Every day at 03:00 in FILE_CLEANUP_TZ: the quietest hour, and the spec's. */
export const FILE_CLEANUP_PATTERN = '0 3 * * *';

export interface FileCleanupDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  store: TFileStore;
  /** FILES_DIR: where interrupted uploads may have left temporary files. */
  filesDir: string;
  /** FILE_CLEANUP_TZ, an IANA zone such as `Europe/Moscow`. */
  tz: string;
}

export interface TFileCleanupResult {
  count: number;
  /** Decimal string: job results are JSON. */
  bytes: string;
  failed: number;
  staleTempFiles: number;
}

/**
 * Deletes expired files once a day (core/files/delete-expired-files.ts logs the count, bytes and ids).
 * One job scheduler id for every worker process, so a day gets one run however many workers there are;
 * were two to overlap, deleteExpiredFiles is idempotent and counts each file once.
 */
export async function startFileCleanup(deps: FileCleanupDeps) {
  const queue = new Queue(FILE_CLEANUP_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    FILE_CLEANUP_SCHEDULER,
    { pattern: FILE_CLEANUP_PATTERN, tz: deps.tz },
    { name: 'delete-expired', opts: { removeOnComplete: 30, removeOnFail: 30 } },
  );
  const worker = new Worker(
    FILE_CLEANUP_QUEUE,
    async (job): Promise<TFileCleanupResult> => {
      const logger = deps.logger.child({ jobId: job.id, queue: FILE_CLEANUP_QUEUE });
      const deleted = await deleteExpiredFiles({ db: deps.db, store: deps.store, logger });
      const staleTempFiles = await sweepStaleTempFiles(deps.filesDir);
      if (staleTempFiles > 0) logger.info({ staleTempFiles }, 'stale temporary files removed');
      return {
        count: deleted.count,
        bytes: deleted.bytes.toString(),
        failed: deleted.failed.length,
        staleTempFiles,
      };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  return {
    worker,
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
