import type { Queue } from 'bullmq';
import type { Broadcast, PrismaClient } from '#core/db/generated/client.ts';
import { NOTIFY_JOB_OPTIONS } from '#core/notify/enqueue-notification.ts';
import { type TNotifyJob, ZNotifyJobSchema } from '#core/notify/notify-job.ts';

export interface TBroadcastQueueDeps {
  db: PrismaClient;
  queue: Queue<TNotifyJob>;
}

// BullMQ takes jobs without a priority first: a ban notice or a payment receipt is not stuck behind an hour
// of broadcast.
const BROADCAST_PRIORITY = 10;

// Large enough that 100k recipients are a hundred round trips, small enough to keep each addBulk call short.
const BATCH = 1000;

/**
 * One job id per (broadcast, user): BullMQ ignores an add whose id exists, so starting or resuming twice
 * enqueues nobody twice. (BullMQ refuses ':' in custom ids.)
 */
export const broadcastJobId = (broadcastId: bigint, userId: bigint): string => `bc-${broadcastId}-${userId}`;

/** The notify job every recipient gets; validated once, so a bad broadcast fails before anything is queued. */
function jobTemplate(broadcast: Broadcast): TNotifyJob {
  return ZNotifyJobSchema.parse({
    bot: 'user',
    chatId: '0',
    userId: '0',
    text: broadcast.text,
    parseMode: 'HTML',
    photo: broadcast.photoFileId ?? undefined,
    buttons:
      broadcast.buttonText && broadcast.buttonUrl
        ? [[{ text: broadcast.buttonText, url: broadcast.buttonUrl }]]
        : undefined,
    broadcastId: broadcast.id.toString(),
  });
}

/** Calls `fn` with the pending recipients of a broadcast, a batch at a time, in user id order. */
async function forEachPendingBatch(
  db: PrismaClient,
  broadcastId: bigint,
  fn: (userIds: bigint[]) => Promise<void>,
): Promise<number> {
  let after = 0n;
  let count = 0;
  for (;;) {
    const rows = await db.broadcastDelivery.findMany({
      where: { broadcastId, status: 'pending', userId: { gt: after } },
      orderBy: { userId: 'asc' },
      take: BATCH,
      select: { userId: true },
    });
    if (rows.length === 0) return count;
    await fn(rows.map((r) => r.userId));
    count += rows.length;
    after = rows[rows.length - 1]?.userId ?? after;
  }
}

/** Queues a notify job for every pending recipient; already queued ones are left as they are. */
export async function enqueueBroadcastDeliveries(
  deps: TBroadcastQueueDeps,
  broadcast: Broadcast,
): Promise<number> {
  const template = jobTemplate(broadcast);
  return forEachPendingBatch(deps.db, broadcast.id, async (userIds) => {
    await deps.queue.addBulk(
      userIds.map((userId) => ({
        name: 'message',
        data: { ...template, chatId: userId.toString(), userId: userId.toString() },
        opts: {
          ...NOTIFY_JOB_OPTIONS,
          jobId: broadcastJobId(broadcast.id, userId),
          priority: BROADCAST_PRIORITY,
        },
      })),
    );
  });
}

/**
 * Takes a paused or canceled broadcast's waiting jobs out of the queue, so the worker's rate limit is not
 * spent on jobs that would only find the broadcast stopped. Jobs being processed right now cannot be removed;
 * they see the new status themselves.
 */
export async function removeQueuedDeliveries(deps: TBroadcastQueueDeps, broadcastId: bigint): Promise<void> {
  await forEachPendingBatch(deps.db, broadcastId, async (userIds) => {
    await Promise.all(userIds.map((userId) => deps.queue.remove(broadcastJobId(broadcastId, userId))));
  });
}
