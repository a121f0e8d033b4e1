import type { PrismaClient } from '#core/db/create-prisma.ts';

export interface THeldLock {
  /** Ends the transaction that holds the lock (rolled back: it changed nothing). */
  release(): Promise<void>;
}

class Released extends Error {}

/**
 * Runs `lockSql` in a transaction of the test's own and keeps it open until `release()`, the way a
 * migration (`ALTER TABLE` takes ACCESS EXCLUSIVE) or a concurrent `SELECT … FOR UPDATE` would: whatever
 * the app does with the locked table or row waits behind it.
 */
export async function holdLock(db: PrismaClient, lockSql: string): Promise<THeldLock> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = db
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(lockSql);
        locked();
        await released;
        throw new Released();
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Released)) throw error;
    });
  await Promise.race([isLocked, transaction]);
  return {
    async release() {
      release();
      await transaction;
    },
  };
}

/** Backends of this database waiting for a lock while running a statement that matches `queryLike`. */
export async function lockWaiters(db: PrismaClient, queryLike: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ${queryLike}
    ORDER BY query_start`;
  return rows.map((r) => r.pid);
}

/** Waits for a backend (other than `except`) to wait on a lock while running a statement like `queryLike`. */
export async function waitForLockWaiter(
  db: PrismaClient,
  queryLike: string,
  opts: { except?: readonly number[]; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const pid = (await lockWaiters(db, queryLike)).find((p) => !opts.except?.includes(p));
    if (pid !== undefined) return pid;
    if (Date.now() > deadline) throw new Error(`no backend waited on a lock running ${queryLike} in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
