import type { MaterialKind, StoredFile } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { FILE_TTL_MS } from '#core/files/file-limits.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { isMaterialKind } from './task-rules.ts';

/**
 * Takes an uploaded file into a task: it must be the user's, still stored, and a video, audio or image
 * (`kind`, when the caller names one, must match what the upload was stored as). Uploads expire after three
 * days (core/files); a material is kept while a task holds it, because "regenerate without uploading again"
 * must still work next week. The conditional update makes the check and the keep one step, so the daily
 * cleanup cannot delete the file in between.
 */
export async function keepMaterialFile(
  tx: TTx,
  input: { userId: bigint; fileId: string; kind?: MaterialKind; now: Date },
): Promise<StoredFile & { kind: MaterialKind }> {
  const kept = await tx.storedFile.updateMany({
    where: {
      id: input.fileId,
      userId: input.userId,
      deletedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: input.now } }],
    },
    data: { expiresAt: null },
  });
  // Someone else's file is NOT_FOUND like a missing one: file ids must not be probed.
  if (kept.count === 0) throw new AppError('NOT_FOUND', { fileId: input.fileId });
  const file = await tx.storedFile.findUniqueOrThrow({ where: { id: input.fileId } });
  const kind = file.kind;
  if (!isMaterialKind(kind)) throw new AppError('FILE_TYPE_NOT_ALLOWED', { mimeType: file.mimeType });
  if (input.kind !== undefined && input.kind !== kind)
    throw new AppError('INVALID_INPUT', { reason: 'material_kind' });
  return { ...file, kind };
}

/**
 * A file no task holds any more gets the usual three days from now. One still held by another live task (the
 * same upload attached twice) stays kept.
 */
export async function releaseMaterialFiles(tx: TTx, fileIds: readonly string[], now: Date): Promise<void> {
  if (fileIds.length === 0) return;
  const held = await tx.taskMaterial.findMany({
    where: { fileId: { in: [...fileIds] }, task: { deletedAt: null } },
    select: { fileId: true },
  });
  const stillHeld = new Set(held.map((m) => m.fileId));
  const free = fileIds.filter((id) => !stillHeld.has(id));
  if (free.length === 0) return;
  await tx.storedFile.updateMany({
    where: { id: { in: free }, expiresAt: null, deletedAt: null },
    data: { expiresAt: new Date(now.getTime() + FILE_TTL_MS) },
  });
}
