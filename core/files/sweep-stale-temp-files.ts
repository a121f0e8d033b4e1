import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTIAL_DIR } from './local-file-store.ts';
import { uploadSpoolDir } from './spool-to-temp-file.ts';

const DAY_MS = 86_400_000;

/**
 * Removes spooled uploads and half-written store files older than a day from FILES_DIR. Both are deleted
 * as soon as their request ends; only a process killed mid-upload leaves one behind, and nobody else
 * would ever remove it. Returns how many were removed.
 */
export async function sweepStaleTempFiles(filesDir: string, now = new Date()): Promise<number> {
  let removed = 0;
  for (const dir of [uploadSpoolDir(filesDir), join(filesDir, PARTIAL_DIR)]) {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? [] : Promise.reject(error),
    );
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < DAY_MS) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
