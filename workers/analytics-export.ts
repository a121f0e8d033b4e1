import { Queue, Worker } from 'bullmq';
import type { TAnalyticsSink } from '#core/analytics/analytics-sink.ts';
import { exportEvents } from '#core/analytics/export-events.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export const ANALYTICS_EXPORT_QUEUE = 'analytics-export';

export interface AnalyticsExportDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  sinks: TAnalyticsSink[];
  everyMs?: number;
}

/**
 * Exports the analytics outbox to every configured sink on a schedule. The scheduler is upserted at each
 * start, so any number of worker processes keep one schedule; if two runs overlap anyway, the exporter's
 * per-sink advisory lock lets one of them do the work. A failing sink does not hold up the others, and
 * its batch is retried by the next run (the cursor did not move).
 */
export async function startAnalyticsExport(deps: AnalyticsExportDeps) {
  const queue = new Queue(ANALYTICS_EXPORT_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    'analytics-export',
    { every: deps.everyMs ?? 10_000 },
    { name: 'export', opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  const worker = new Worker(
    ANALYTICS_EXPORT_QUEUE,
    async (job) => {
      const log = deps.logger.child({ jobId: job.id, queue: ANALYTICS_EXPORT_QUEUE });
      const failed: string[] = [];
      for (const sink of deps.sinks) {
        try {
          const result = await exportEvents(deps.db, { sink });
          if (result.exported > 0 || result.status === 'busy')
            log.info({ sink: sink.name, ...result, cursor: result.cursor.toString() }, 'analytics exported');
        } catch (error) {
          log.warn({ sink: sink.name, err: error }, 'analytics export failed; the batch is retried next run');
          failed.push(sink.name);
        }
      }
      if (failed.length > 0) throw new Error(`analytics export failed for ${failed.join(', ')}`);
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
