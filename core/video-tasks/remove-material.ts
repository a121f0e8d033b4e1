import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { releaseMaterialFiles } from './material-files.ts';
import { lockOwnedTask } from './owned-task.ts';

/** Takes a material out of the task; its file goes back to the usual retention unless another task holds it. */
export async function removeMaterial(
  db: PrismaClient,
  input: { userId: bigint; taskId: bigint; materialId: bigint; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const task = await lockOwnedTask(tx, input);
    const material = await tx.taskMaterial.findFirst({ where: { id: input.materialId, taskId: task.id } });
    if (!material) throw new AppError('NOT_FOUND', { materialId: input.materialId.toString() });
    await tx.taskMaterial.delete({ where: { id: material.id } });
    await releaseMaterialFiles(tx, [material.fileId], now);
    await tx.videoTask.update({ where: { id: task.id }, data: { updatedAt: now } });
  });
}
