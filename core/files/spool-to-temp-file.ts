import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '#core/errors/app-error.ts';
import { FILE_MAX_BYTES } from './file-limits.ts';

/** Where uploads are spooled: inside FILES_DIR (same disk as the local store), out of reach of any key. */
export const uploadSpoolDir = (filesDir: string) => join(filesDir, '.uploads');

export interface TSpooledFile {
  path: string;
  size: number;
  /** Removes the file; call it in `finally` whatever happened to the upload. */
  remove(): Promise<void>;
}

/**
 * Writes a stream (an HTTP upload, a provider's download) to a new file in `dir`, so that saveFile can
 * hash, check and store it without holding it in memory. Stops with FILE_TOO_LARGE as soon as the stream
 * passes `maxBytes`, whatever its sender claimed, and leaves nothing behind when it fails.
 */
export async function spoolToTempFile(
  source: Readable,
  opts: { dir: string; maxBytes?: number },
): Promise<TSpooledFile> {
  const maxBytes = opts.maxBytes ?? FILE_MAX_BYTES;
  await mkdir(opts.dir, { recursive: true });
  const path = join(opts.dir, `${randomBytes(12).toString('hex')}.part`);
  const remove = () => rm(path, { force: true });
  let size = 0;
  // Read through an iterator that leaves the source alone when the limit stops it: destroying an HTTP
  // request would destroy its socket, and the client would never hear the 413.
  async function* limited() {
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', { limitMb: Math.floor(maxBytes / 2 ** 20) });
      yield chunk as Buffer;
    }
  }
  try {
    await pipeline(limited, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, size, remove };
}
