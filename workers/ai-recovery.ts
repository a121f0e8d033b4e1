import { z } from 'zod';
import { recoverLostGenerations } from '#core/ai/generation/recover-lost-generations.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const AI_RECOVERY_QUEUE = 'ai-recovery';

/**
 * Every few minutes: AI requests whose job was lost are enqueued again, and those that can no longer finish
 * are failed with their tokens released (core/ai/generation/recover-lost-generations.ts). One scheduler id
 * for every worker process; two overlapping runs enqueue a job once (its id is the request's).
 */
export const aiRecoveryJob = defineJob({
  id: AI_RECOVERY_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: 'ai-recovery',
      name: 'recover',
      every: 5 * 60_000,
      opts: { removeOnComplete: 20, removeOnFail: 50 },
    },
  ],
  async handle(job, ctx) {
    const { requeued, abandoned } = await recoverLostGenerations({ db: ctx.db, queue: ctx.aiQueue });
    if (requeued.length > 0 || abandoned.length > 0)
      job.log.warn(
        { requeued: requeued.map(String), abandoned: abandoned.map(String) },
        'lost ai requests recovered',
      );
    return { requeued: requeued.length, abandoned: abandoned.length };
  },
});
