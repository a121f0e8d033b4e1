import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '#core/errors/app-error.ts';
import { assertValidKey } from './file-keys.ts';
import type { TByteRange, TFileStore } from './file-store.ts';

/** Half-written files live here; the dot keeps the folder out of reach of any valid key. */
export const PARTIAL_DIR = '.partial';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Files on local disk under `root` (FILES_DIR). A write goes to a temporary file first and is renamed
 * into place, so a reader (or a crash) never sees half a file: rename is atomic within one file system,
 * which is why the temporary folder is inside the root rather than in /tmp.
 */
export function createLocalFileStore(root: string): TFileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertValidKey(key);
    const path = resolve(base, key);
    // The key check already rules out `..`; this is the last line should that check ever loosen.
    if (!path.startsWith(base + sep)) throw new AppError('INVALID_INPUT', { reason: 'file key' });
    return path;
  };

  async function writeAtomically(key: string, write: (tmp: string) => Promise<void>) {
    const path = pathOf(key);
    const tmp = join(base, PARTIAL_DIR, `${randomBytes(8).toString('hex')}.part`);
    await mkdir(dirname(tmp), { recursive: true });
    try {
      await write(tmp);
      await mkdir(dirname(path), { recursive: true });
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async function openForReading(key: string) {
    try {
      return await open(pathOf(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new AppError('NOT_FOUND', { key });
      throw error;
    }
  }

  return {
    storage: 'local',
    put: (key, data) => writeAtomically(key, (tmp) => writeFile(tmp, data, { flag: 'wx' })),
    putFile: (key, source) => writeAtomically(key, (tmp) => copyFile(source, tmp)),
    async read(key) {
      const handle = await openForReading(key);
      try {
        return await readFile(handle);
      } finally {
        await handle.close();
      }
    },
    async stream(key, range?: TByteRange): Promise<Readable> {
      // Opened before the stream is returned, so a missing file is a NOT_FOUND here and not a stream error.
      const handle = await openForReading(key);
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
