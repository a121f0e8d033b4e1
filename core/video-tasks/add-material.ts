import type { MaterialKind, PrismaClient, TaskMaterial } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { keepMaterialFile } from './material-files.ts';
import { lockOwnedTask } from './owned-task.ts';
import { MATERIAL_LIMITS } from './task-rules.ts';

export interface TAddMaterial {
  userId: bigint;
  taskId: bigint;
  /** An upload of this user's (POST /api/files), still stored. */
  fileId: string;
  /** Checked against what the upload was stored as; taken from the file when absent. */
  kind?: MaterialKind;
  now?: Date;
}

/**
 * Attaches an uploaded file to the task as its video, audio or image. Refused: someone else's or an expired
 * file (NOT_FOUND), a document (FILE_TYPE_NOT_ALLOWED), a kind the task already holds as many of as allowed
 * (TASK_MATERIAL_LIMIT `{ kind, max }`).
 */
export async function addMaterial(db: PrismaClient, input: TAddMaterial): Promise<TaskMaterial> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const task = await lockOwnedTask(tx, input);
    const file = await keepMaterialFile(tx, { ...input, now });
    const existing = await tx.taskMaterial.findMany({
      where: { taskId: task.id },
      select: { kind: true, position: true },
    });
    const max = MATERIAL_LIMITS[file.kind];
    if (existing.filter((m) => m.kind === file.kind).length >= max)
      throw new AppError('TASK_MATERIAL_LIMIT', { kind: file.kind, max });
    const position = Math.max(-1, ...existing.map((m) => m.position)) + 1;
    const material = await tx.taskMaterial.create({
      data: { taskId: task.id, kind: file.kind, fileId: file.id, position },
    });
    await tx.videoTask.update({ where: { id: task.id }, data: { updatedAt: now } });
    return material;
  });
}
