import type { PrismaClient, VideoTaskStatus } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { taskStatusOf } from './task-status.ts';

/** Sets the task's status column to what its latest run says (draft when it has none). */
export async function syncTaskStatus(db: PrismaClient | TTx, taskId: bigint): Promise<VideoTaskStatus> {
  const latest = await db.aiRequest.findFirst({
    where: { taskId },
    orderBy: { id: 'desc' },
    select: { status: true },
  });
  const status = taskStatusOf(latest);
  await db.videoTask.updateMany({ where: { id: taskId, status: { not: status } }, data: { status } });
  return status;
}
