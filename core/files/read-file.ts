import type { Readable } from 'node:stream';
import type { PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import type { TByteRange, TFileStore } from './file-store.ts';
import { fileTypeOfKey } from './file-types.ts';

export interface TReadFile {
  fileId: string;
  /** When given, someone else's file is NOT_FOUND, like a missing one (ids must not be probed). */
  userId?: bigint;
  /** The untouched original kept for a premium user, instead of the compressed copy. */
  original?: boolean;
  now?: Date;
}

export interface TFileBytes {
  file: StoredFile;
  /** The key read, its type and a name for it: the compressed copy's, or the original's. */
  key: string;
  mimeType: string;
  name: string;
}

/** The row of a file that can still be read: not deleted, not expired, and the caller's when asked. */
export async function findLiveFile(db: PrismaClient | TTx, input: TReadFile): Promise<StoredFile> {
  const now = input.now ?? new Date();
  const file = await db.storedFile.findUnique({ where: { id: input.fileId } });
  const live =
    file &&
    file.deletedAt === null &&
    (file.expiresAt === null || file.expiresAt > now) &&
    (input.userId === undefined || file.userId === input.userId);
  if (!live) throw new AppError('NOT_FOUND', { fileId: input.fileId });
  return file;
}

/** The compressed copy's key and type, or the kept original's (NOT_FOUND when none was kept). */
export function variantOf(file: StoredFile, original: boolean | undefined): Omit<TFileBytes, 'file'> {
  if (!original) return { key: file.storageKey, mimeType: file.mimeType, name: file.name };
  if (!file.originalKey) throw new AppError('NOT_FOUND', { fileId: file.id });
  const type = fileTypeOfKey(file.originalKey);
  return {
    key: file.originalKey,
    mimeType: type?.mimeType ?? 'application/octet-stream',
    // `photo.jpg` (the compressed copy) → `photo.png` for a PNG original.
    name: type ? file.name.replace(/\.[^.]*$/, `.${type.ext}`) : file.name,
  };
}

/** A file's bytes in memory: for sending to Telegram or a provider. Up to 100 MB, so mind what you read. */
export async function readFile(
  deps: { db: PrismaClient | TTx; store: TFileStore },
  input: TReadFile,
): Promise<TFileBytes & { data: Buffer }> {
  const file = await findLiveFile(deps.db, input);
  const chosen = variantOf(file, input.original);
  return { file, ...chosen, data: await deps.store.read(chosen.key) };
}

/** A file's bytes as a stream, whole or a byte range (HTTP downloads, video seeking). */
export async function streamFile(
  deps: { db: PrismaClient | TTx; store: TFileStore },
  input: TReadFile & { range?: TByteRange },
): Promise<TFileBytes & { stream: Readable }> {
  const file = await findLiveFile(deps.db, input);
  const chosen = variantOf(file, input.original);
  return { file, ...chosen, stream: await deps.store.stream(chosen.key, input.range) };
}
