import type { FileStore, StoredFile } from '#sandbox/telegram/state/file-store.ts';
import type { MediaKind } from '#sandbox/telegram/types.ts';
import { badRequest, WRONG_FILE_ID } from './api-error.ts';
import type { MethodContext } from './define-method.ts';
import { readImageInfo } from './image-info.ts';
import { mimeTypeFor } from './mime-types.ts';

/** Telegram's upload ceilings for bots: 10 MB photos, 50 MB other files. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface RawFile {
  bytes: Buffer;
  fileName?: string;
}

async function download(url: string, signal: AbortSignal): Promise<RawFile> {
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fileName = new URL(url).pathname.split('/').pop() || undefined;
    return { bytes: Buffer.from(await response.arrayBuffer()), ...(fileName ? { fileName } : {}) };
  } catch {
    throw badRequest('failed to get HTTP URL content');
  }
}

/** The new upload, if the parameter refers to one; undefined for a file_id. */
async function readUpload(
  ctx: MethodContext,
  field: string,
  value: string | undefined,
): Promise<RawFile | undefined> {
  if (value?.startsWith('attach://')) {
    // grammY sends InputFile parts under random names and puts attach://<name> in the parameter.
    const part = ctx.files.get(value.slice('attach://'.length));
    if (!part) throw badRequest(WRONG_FILE_ID);
    return part;
  }
  if (value === undefined) {
    // Other clients upload the file directly under the parameter's own name.
    const part = ctx.files.get(field);
    if (!part) throw badRequest(`there is no ${field} in the request`);
    return part;
  }
  if (/^https?:\/\//i.test(value)) return download(value, ctx.signal);
  return undefined;
}

/**
 * Resolves the `photo` / `document` / … parameter of a send method: an
 * uploaded file (multipart), an HTTP URL the server downloads, or the
 * file_id of a file it already stores.
 */
export async function resolveInputFile(
  ctx: MethodContext,
  kind: MediaKind,
  field: string,
  value: string | undefined,
): Promise<StoredFile> {
  const upload = await readUpload(ctx, field, value);
  if (!upload) {
    const existing = ctx.state.files.get(value ?? '');
    if (!existing) throw badRequest(WRONG_FILE_ID);
    // A photo can only be resent as a photo, and other files never as a photo.
    if ((existing.kind === 'photo') !== (kind === 'photo')) throw badRequest('type of file mismatch');
    return existing;
  }
  return storeUpload(ctx.state.files, kind, upload);
}

/** Validates and stores new bytes; photos must be decodable images, like on Telegram. */
export function storeUpload(files: FileStore, kind: MediaKind, upload: RawFile): StoredFile {
  if (kind === 'photo') {
    if (upload.bytes.length > MAX_PHOTO_BYTES) throw badRequest('PHOTO_INVALID_DIMENSIONS');
    const image = readImageInfo(upload.bytes);
    if (!image) throw badRequest('IMAGE_PROCESS_FAILED');
    return files.add({
      kind,
      bytes: upload.bytes,
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
    });
  }
  if (upload.bytes.length > MAX_FILE_BYTES) throw badRequest('file is too big');
  const mimeType = mimeTypeFor(upload.fileName);
  return files.add({
    kind,
    bytes: upload.bytes,
    ...(upload.fileName ? { fileName: upload.fileName } : {}),
    ...(mimeType ? { mimeType } : {}),
  });
}
