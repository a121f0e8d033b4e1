import type { PrismaClient, TaskMaterial } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { keepMaterialFile, releaseMaterialFiles } from './material-files.ts';
import { lockOwnedTask } from './owned-task.ts';

export interface TReplaceMaterial {
  userId: bigint;
  taskId: bigint;
  materialId: bigint;
  /** The new upload; of the same kind as the material it replaces. */
  fileId: string;
  now?: Date;
}

/**
 * Puts another upload in a material's place (same kind, same position). The old file goes back to the
 * usual retention unless another task holds it; runs that already used it keep their own record of it.
 */
export async function replaceMaterial(db: PrismaClient, input: TReplaceMaterial): Promise<TaskMaterial> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const task = await lockOwnedTask(tx, input);
    const material = await tx.taskMaterial.findFirst({ where: { id: input.materialId, taskId: task.id } });
    if (!material) throw new AppError('NOT_FOUND', { materialId: input.materialId.toString() });
    const file = await keepMaterialFile(tx, {
      userId: input.userId,
      fileId: input.fileId,
      kind: material.kind,
      now,
    });
    const updated = await tx.taskMaterial.update({ where: { id: material.id }, data: { fileId: file.id } });
    if (material.fileId !== file.id) await releaseMaterialFiles(tx, [material.fileId], now);
    await tx.videoTask.update({ where: { id: task.id }, data: { updatedAt: now } });
    return updated;
  });
}
