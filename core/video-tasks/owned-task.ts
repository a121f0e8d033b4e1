import type { PrismaClient, VideoTask } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * The user's own live task. Someone else's task and a deleted one are NOT_FOUND alike: ids are sequential,
 * and a guessed one must not tell whether the task exists.
 */
export async function ownedTask(
  db: PrismaClient | TTx,
  input: { userId: bigint; taskId: bigint },
): Promise<VideoTask> {
  const task = await db.videoTask.findFirst({
    where: { id: input.taskId, userId: input.userId, deletedAt: null },
  });
  if (!task) throw new AppError('NOT_FOUND', { taskId: input.taskId.toString() });
  return task;
}

/**
 * The same check under the task's row lock, for changes that count what the task holds (materials against
 * their limits): two requests at once then see each other's rows instead of both passing the count.
 */
export async function lockOwnedTask(tx: TTx, input: { userId: bigint; taskId: bigint }): Promise<VideoTask> {
  const locked = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM video_tasks
    WHERE id = ${input.taskId} AND user_id = ${input.userId} AND deleted_at IS NULL
    FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', { taskId: input.taskId.toString() });
  return ownedTask(tx, input);
}
