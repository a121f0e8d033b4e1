import { randomBytes } from 'node:crypto';
import type { PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { compressImage } from './compress-image.ts';
import { displayName } from './display-name.ts';
import { fileKeyFor, type TFileKind } from './file-keys.ts';
import { FILE_MAX_BYTES, FILE_MAX_MB, FILE_TTL_MS } from './file-limits.ts';
import { headOf, sha256Of, sizeOf, type TFileData } from './file-source.ts';
import type { TFileStore } from './file-store.ts';
import { fileTypeOf, isRasterImage, type TFileType } from './file-types.ts';

export interface TFileDeps {
  db: PrismaClient | TTx;
  store: TFileStore;
}

export interface TSaveFile {
  userId: bigint;
  kind: TFileKind;
  /** What the user called the file, or a generated name; path parts and control characters are dropped. */
  name: string;
  mimeType: string;
  data: TFileData;
  /** Keep the untouched upload next to the compressed copy (premium users: `aiPlanOf(...).tier`). */
  keepOriginal?: boolean;
  /** From `now`; FILE_TTL_MS (3 days) by default; null keeps the file until it is deleted. */
  ttlMs?: number | null;
  now?: Date;
}

interface TWriter {
  keyOf(ext: string, original?: boolean): string;
  put(key: string, data: TFileData, mimeType: string): Promise<void>;
}

type TStoredBytes = Pick<StoredFile, 'storageKey' | 'originalKey' | 'mimeType' | 'width' | 'height'> &
  Pick<StoredFile, 'sha256' | 'compressed'> & { size: number; ext: string };

/** 16 random bytes: ids are unguessable, though a download still needs a signed URL. */
const newFileId = () => randomBytes(16).toString('base64url');

/**
 * Stores a file and records it. Refused: over FILE_MAX_BYTES (`FILE_TOO_LARGE`), a type Polygram does not
 * take or not of this kind (`FILE_TYPE_NOT_ALLOWED`), bytes that are not what the type says
 * (`FILE_TYPE_MISMATCH`). Raster images are stored compressed (compress-image.ts), the original next to
 * them when `keepOriginal`; anything else byte for byte. Bytes go to the store before the row is written,
 * and are removed again if the row is not, so a row never points at nothing.
 */
export async function saveFile(deps: TFileDeps, input: TSaveFile): Promise<StoredFile> {
  const now = input.now ?? new Date();
  const size = await sizeOf(input.data);
  if (size > FILE_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { limitMb: FILE_MAX_MB });
  const type = fileTypeOf(input.mimeType);
  if (!type || (input.kind !== 'temp' && type.kind !== input.kind))
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { mimeType: input.mimeType });
  if (size === 0 || !type.matches(await headOf(input.data)))
    throw new AppError('FILE_TYPE_MISMATCH', { mimeType: type.mimeType });

  const id = newFileId();
  const written: string[] = [];
  const writer: TWriter = {
    keyOf: (ext, original = false) => fileKeyFor({ kind: input.kind, id, ext, at: now, original }),
    async put(key, data, mimeType) {
      written.push(key);
      await (Buffer.isBuffer(data)
        ? deps.store.put(key, data, mimeType)
        : deps.store.putFile(key, data.path, mimeType));
    },
  };
  try {
    const stored = isRasterImage(type)
      ? await writeImage(writer, type, input)
      : await writeAsIs(writer, type, input.data, size);
    const ttlMs = input.ttlMs === undefined ? FILE_TTL_MS : input.ttlMs;
    return await deps.db.storedFile.create({
      data: {
        id,
        userId: input.userId,
        kind: input.kind,
        storage: deps.store.storage,
        storageKey: stored.storageKey,
        originalKey: stored.originalKey,
        name: displayName(input.name, stored.ext),
        mimeType: stored.mimeType,
        size: BigInt(stored.size),
        width: stored.width,
        height: stored.height,
        sha256: stored.sha256,
        compressed: stored.compressed,
        expiresAt: ttlMs === null ? null : new Date(now.getTime() + ttlMs),
        createdAt: now,
      },
    });
  } catch (error) {
    await Promise.allSettled(written.map((key) => deps.store.delete(key)));
    throw error;
  }
}

async function writeImage(writer: TWriter, type: TFileType, input: TSaveFile): Promise<TStoredBytes> {
  const source = Buffer.isBuffer(input.data) ? input.data : input.data.path;
  const image = await compressImage(source, type.mimeType);
  const stored: TStoredBytes = {
    storageKey: writer.keyOf('jpg'),
    originalKey: input.keepOriginal ? writer.keyOf(type.ext, true) : null,
    mimeType: 'image/jpeg',
    ext: 'jpg',
    size: image.data.length,
    width: image.width,
    height: image.height,
    sha256: await sha256Of(image.data),
    compressed: true,
  };
  await writer.put(stored.storageKey, image.data, stored.mimeType);
  if (stored.originalKey) await writer.put(stored.originalKey, input.data, type.mimeType);
  return stored;
}

async function writeAsIs(
  writer: TWriter,
  type: TFileType,
  data: TFileData,
  size: number,
): Promise<TStoredBytes> {
  const stored: TStoredBytes = {
    storageKey: writer.keyOf(type.ext),
    originalKey: null,
    mimeType: type.mimeType,
    ext: type.ext,
    size,
    width: null,
    height: null,
    sha256: await sha256Of(data),
    compressed: false,
  };
  await writer.put(stored.storageKey, data, stored.mimeType);
  return stored;
}
