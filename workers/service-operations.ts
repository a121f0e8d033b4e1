import { z } from 'zod';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import { dueOperations } from '#core/services/operations/due-operations.ts';
import { listenForOperations } from '#core/services/operations/listen-for-operations.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';

export const SERVICE_OPERATIONS_QUEUE = 'service-operations';

const ZOperationJobSchema = z.object({ id: z.string().regex(/^\d{1,19}$/) }).partial();

const jobIdOf = (id: bigint) => `op-${id}`;

/**
 * Performs the outside side effects paid fulfilments asked for (core/services/operations/): a job per outbox
 * row, added the moment the payment commits (LISTEN) and again by a sweep for any row that is due (a lost
 * job, a retry whose time has come). The row is the truth; a job is only a pointer to it, removed once it
 * ran so the same id can point at the row again. `retryBaseMs` and `sweepEveryMs` are shortened by tests.
 */
export const serviceOperationsJob = (opts: { sweepEveryMs?: number; retryBaseMs?: number } = {}) =>
  defineJob({
    id: SERVICE_OPERATIONS_QUEUE,
    data: ZOperationJobSchema,
    concurrency: 4,
    jobOptions: { removeOnComplete: true, removeOnFail: true },
    schedules: () => [
      {
        id: 'service-operations-sweep',
        name: 'sweep',
        every: opts.sweepEveryMs ?? 15_000,
        opts: { removeOnComplete: 10, removeOnFail: 100 },
      },
    ],
    wake: (ctx, add) =>
      listenForOperations(ctx.config.DATABASE_URL, ctx.logger, (id) => {
        add('perform', { id: id.toString() }, { jobId: jobIdOf(id) }).catch((error: unknown) =>
          ctx.logger.warn({ err: String(error), operationId: id.toString() }, 'could not enqueue operation'),
        );
      }),
    async handle(job, ctx) {
      if (job.name === 'sweep') {
        const due = await dueOperations(ctx.db);
        for (const id of due) await job.add('perform', { id: id.toString() }, { jobId: jobIdOf(id) });
        return { enqueued: due.length };
      }
      if (!job.data.id) return { outcome: 'no row' };
      const outcome = await performOperation(
        {
          db: ctx.db,
          logger: job.log,
          env: ctx.config,
          registry: ctx.services,
          retryBaseMs: opts.retryBaseMs,
          onDone: (done) => announceDone(ctx, done),
        },
        BigInt(job.data.id),
      );
      return { outcome };
    },
  });

async function announceDone(
  ctx: TWorkerContext,
  done: { id: bigint; userId: bigint | null; noticeKey: string; result: unknown },
): Promise<void> {
  if (done.userId === null) return;
  const user = await ctx.db.user.findUnique({ where: { id: done.userId }, select: { language: true } });
  if (!user) return;
  const fields = typeof done.result === 'object' && done.result !== null ? done.result : {};
  const args = Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
  await enqueueNotification(
    ctx.notifyQueue,
    {
      bot: 'user',
      chatId: done.userId.toString(),
      userId: done.userId.toString(),
      text: ctx.translator.t(user.language, done.noticeKey, args),
    },
    { dedupeKey: `op-${done.id}-done` },
  );
}
