import { z } from 'zod';
import { exportEvents } from '#core/analytics/export-events.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const ANALYTICS_EXPORT_QUEUE = 'analytics-export';
export const ANALYTICS_EXPORT_SCHEDULER = 'analytics-export';

/**
 * Exports the analytics outbox to every configured sink on a schedule. One scheduler id for every worker
 * process; if two runs overlap anyway, the exporter's per-sink advisory lock lets one of them do the work.
 * A failing sink does not hold up the others, and its batch is retried by the next run (the cursor did not
 * move).
 */
export const analyticsExportJob = defineJob({
  id: ANALYTICS_EXPORT_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: ANALYTICS_EXPORT_SCHEDULER,
      name: 'export',
      every: 10_000,
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  ],
  async handle(job, ctx) {
    const failed: string[] = [];
    for (const sink of ctx.analyticsSinks) {
      try {
        const result = await exportEvents(ctx.db, { sink });
        if (result.exported > 0 || result.status === 'busy')
          job.log.info(
            { sink: sink.name, ...result, cursor: result.cursor.toString() },
            'analytics exported',
          );
      } catch (error) {
        job.log.warn(
          { sink: sink.name, err: error },
          'analytics export failed; the batch is retried next run',
        );
        failed.push(sink.name);
      }
    }
    if (failed.length > 0) throw new Error(`analytics export failed for ${failed.join(', ')}`);
  },
});
