import type { PrismaClient } from '#core/db/generated/client.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { TFileStore } from './file-store.ts';

export interface TDeletedFiles {
  /** Files whose bytes were removed and whose rows this run marked deleted. */
  count: number;
  /** Bytes of their stored copies (a kept original's size is not recorded, so it is not counted). */
  bytes: bigint;
  ids: string[];
  /** Files whose bytes could not be removed this time (the store failed); the next run tries again. */
  failed: string[];
}

const BATCH = 200;
/** How many ids one log line carries; the count and bytes are always whole. */
const LOGGED_IDS = 500;

/**
 * Deletes the bytes of every file that expired by `now`, its kept original too, then marks the row
 * `deletedAt`. Bytes first: a run that dies in between leaves a row that the next run deletes again
 * (deleting a missing key is fine), never a row that says "deleted" over bytes nobody will remove. The
 * conditional update makes two overlapping runs count each file once.
 */
export async function deleteExpiredFiles(
  deps: { db: PrismaClient; store: TFileStore; logger: Logger },
  opts: { now?: Date } = {},
): Promise<TDeletedFiles> {
  const now = opts.now ?? new Date();
  const result: TDeletedFiles = { count: 0, bytes: 0n, ids: [], failed: [] };
  let after = '';
  for (;;) {
    // Keyset by id, so a file that failed is not fetched again in this run and the loop always ends.
    const batch = await deps.db.storedFile.findMany({
      where: {
        deletedAt: null,
        expiresAt: { lte: now },
        id: { gt: after },
        // Rows written while another store was configured cannot be reached through this one.
        storage: deps.store.storage,
      },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, storageKey: true, originalKey: true, size: true },
    });
    for (const file of batch) {
      try {
        await deps.store.delete(file.storageKey);
        if (file.originalKey) await deps.store.delete(file.originalKey);
      } catch (error) {
        deps.logger.warn({ err: error, fileId: file.id }, 'expired file not deleted');
        result.failed.push(file.id);
        continue;
      }
      const marked = await deps.db.storedFile.updateMany({
        where: { id: file.id, deletedAt: null },
        data: { deletedAt: now },
      });
      if (marked.count === 0) continue;
      result.count += 1;
      result.bytes += file.size;
      result.ids.push(file.id);
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) break;
    after = last.id;
  }
  deps.logger.info(
    {
      count: result.count,
      bytes: result.bytes.toString(),
      ids: result.ids.slice(0, LOGGED_IDS),
      ...(result.ids.length > LOGGED_IDS ? { idsOmitted: result.ids.length - LOGGED_IDS } : {}),
      failed: result.failed.length,
    },
    'expired files deleted',
  );
  return result;
}
