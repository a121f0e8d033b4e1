import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { dueOperations } from '#core/services/operations/due-operations.ts';
import { listenForOperations } from '#core/services/operations/listen-for-operations.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import type { TServiceRegistry } from '#core/services/registry.ts';
import type { TOperationContext } from '#core/services/service-module.ts';

export const SERVICE_OPERATIONS_QUEUE = 'service-operations';

export interface ServiceOperationsDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  databaseUrl: string;
  env: TOperationContext['env'];
  registry: TServiceRegistry;
  notifyQueue: Queue<TNotifyJob>;
  translator: Translator;
  sweepEveryMs?: number;
  retryBaseMs?: number;
  concurrency?: number;
}

// Completed and failed jobs are removed at once: the job id is free for the next attempt's pointer.
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true } as const;
const jobIdOf = (id: bigint) => `op-${id}`;

/**
 * Performs the outside side effects paid fulfilments asked for (core/services/operations/): a job per outbox
 * row, added the moment the payment commits (LISTEN) and again by a sweep for any row that is due (a lost
 * job, a retry whose time has come). The row is the truth; a job is only a pointer to it.
 */
export async function startServiceOperations(deps: ServiceOperationsDeps) {
  const queue = new Queue(SERVICE_OPERATIONS_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    'service-operations-sweep',
    { every: deps.sweepEveryMs ?? 15_000 },
    { name: 'sweep', opts: { removeOnComplete: 10, removeOnFail: 100 } },
  );
  const enqueue = (id: bigint) =>
    queue.add('perform', { id: id.toString() }, { ...JOB_OPTIONS, jobId: jobIdOf(id) });
  const worker = new Worker<{ id?: string }>(
    SERVICE_OPERATIONS_QUEUE,
    async (job) => {
      if (job.name === 'sweep') {
        const due = await dueOperations(deps.db);
        for (const id of due) await enqueue(id);
        return { enqueued: due.length };
      }
      const id = job.data.id;
      if (!id || !/^\d+$/.test(id)) return { outcome: 'invalid' };
      const outcome = await performOperation(
        {
          db: deps.db,
          logger: deps.logger,
          env: deps.env,
          registry: deps.registry,
          retryBaseMs: deps.retryBaseMs,
          onDone: (done) => announceDone(deps, done),
        },
        BigInt(id),
      );
      return { outcome };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  worker.on('failed', (job, error) =>
    deps.logger.error({ jobId: job?.id, queue: SERVICE_OPERATIONS_QUEUE, err: error.message }, 'job failed'),
  );
  const listener = listenForOperations(deps.databaseUrl, deps.logger, (id) => {
    enqueue(id).catch((error: unknown) =>
      deps.logger.warn({ err: String(error), operationId: id.toString() }, 'could not enqueue operation'),
    );
  });
  return {
    worker,
    queue,
    async close() {
      await listener.close();
      await worker.close();
      await queue.close();
    },
  };
}

async function announceDone(
  deps: ServiceOperationsDeps,
  done: { id: bigint; userId: bigint | null; noticeKey: string; result: unknown },
): Promise<void> {
  if (done.userId === null) return;
  const user = await deps.db.user.findUnique({ where: { id: done.userId }, select: { language: true } });
  if (!user) return;
  const args = Object.fromEntries(
    Object.entries(typeof done.result === 'object' && done.result !== null ? done.result : {}).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
  await enqueueNotification(
    deps.notifyQueue,
    {
      bot: 'user',
      chatId: done.userId.toString(),
      userId: done.userId.toString(),
      text: deps.translator.t(user.language, done.noticeKey, args),
    },
    { dedupeKey: `op-${done.id}-done` },
  );
}
