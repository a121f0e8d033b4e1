import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { releaseMaterialFiles } from './material-files.ts';
import { lockOwnedTask } from './owned-task.ts';
import { ACTIVE_RUN_STATUSES } from './task-status.ts';

/**
 * Removes the task from the user's list. The row stays (soft delete): its runs are ai_requests that usage
 * and stats still count, and the launch log refers to it. The materials' uploads go back to the usual
 * three-day retention. A task with a run in progress is kept until the run ends (TASK_RUN_ACTIVE): the run
 * is being paid for and its result must have somewhere to land.
 */
export async function deleteTask(
  db: PrismaClient,
  input: { userId: bigint; taskId: bigint; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const task = await lockOwnedTask(tx, input);
    const active = await tx.aiRequest.count({
      where: { taskId: task.id, status: { in: [...ACTIVE_RUN_STATUSES] } },
    });
    if (active > 0) throw new AppError('TASK_RUN_ACTIVE');
    await tx.videoTask.update({ where: { id: task.id }, data: { deletedAt: now } });
    const materials = await tx.taskMaterial.findMany({
      where: { taskId: task.id },
      select: { fileId: true },
    });
    await releaseMaterialFiles(tx, [...new Set(materials.map((m) => m.fileId))], now);
  });
}
