import { Queue, Worker } from 'bullmq';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { recoverLostGenerations } from '#core/ai/generation/recover-lost-generations.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export const AI_RECOVERY_QUEUE = 'ai-recovery';

export interface AiRecoveryDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  everyMs?: number;
}

/**
 * Every few minutes: AI requests whose job was lost are enqueued again, and those that can no longer finish
 * are failed with their tokens released (core/ai/generation/recover-lost-generations.ts). One scheduler id
 * for every worker process; two overlapping runs enqueue a job once (its id is the request's).
 */
export async function startAiRecovery(deps: AiRecoveryDeps) {
  const queue = new Queue(AI_RECOVERY_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    'ai-recovery',
    { every: deps.everyMs ?? 5 * 60_000 },
    { name: 'recover', opts: { removeOnComplete: 20, removeOnFail: 50 } },
  );
  const worker = new Worker(
    AI_RECOVERY_QUEUE,
    async (job) => {
      const { requeued, abandoned } = await recoverLostGenerations({ db: deps.db, queue: aiQueue });
      if (requeued.length > 0 || abandoned.length > 0)
        deps.logger.warn(
          {
            jobId: job.id,
            queue: AI_RECOVERY_QUEUE,
            requeued: requeued.map(String),
            abandoned: abandoned.map(String),
          },
          'lost ai requests recovered',
        );
      return { requeued: requeued.length, abandoned: abandoned.length };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  return {
    worker,
    async close() {
      await worker.close();
      await queue.close();
      await aiQueue.close();
    },
  };
}
