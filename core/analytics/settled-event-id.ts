import type { PrismaClient } from '#core/db/generated/client.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The highest event id below which no event can still appear, or null if in-flight writers did not finish
 * within `waitMs`.
 *
 * Ids come from a sequence when a row is inserted, but transactions commit in their own order: an event
 * with id 10 can become visible after id 11 was exported, and a cursor past 11 would skip it for good. So
 * read the sequence first, then list the transactions holding the table's ROW EXCLUSIVE lock (an INSERT
 * takes it before it draws an id and keeps it until commit), and wait until those have ended. Every id up
 * to what the sequence said is then committed or never will be. Writers are never blocked: this only waits
 * (the way CREATE INDEX CONCURRENTLY waits for older transactions).
 */
export async function settledEventId(
  db: PrismaClient,
  opts: { waitMs?: number; pollMs?: number } = {},
): Promise<bigint | null> {
  const [seq] = await db.$queryRaw<{ last: bigint }[]>`
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS last FROM analytics_events_id_seq`;
  const writers = await db.$queryRaw<{ vxid: string }[]>`
    SELECT virtualtransaction AS vxid FROM pg_locks
    WHERE locktype = 'relation' AND relation = 'analytics_events'::regclass
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()`;
  const vxids = writers.map((w) => w.vxid);
  const deadline = Date.now() + (opts.waitMs ?? 5000);
  while (vxids.length > 0) {
    // A transaction holds the lock on its own virtual id until it ends.
    const [running] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'virtualxid' AND virtualxid = ANY(${vxids})`;
    if (!running || running.n === 0) break;
    if (Date.now() >= deadline) return null;
    await sleep(opts.pollMs ?? 50);
  }
  return seq?.last ?? 0n;
}
