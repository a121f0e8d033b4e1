import type { PrismaClient } from '#core/db/generated/client.ts';
import { toExportRow } from './analytics-events.ts';
import type { TAnalyticsSink } from './analytics-sink.ts';
import { settledEventId } from './settled-event-id.ts';

/** First key of the two-key advisory locks taken here; the second is a hash of the sink's name. */
const EXPORT_LOCK_SPACE = 734_101;

export interface TExportEvents {
  sink: TAnalyticsSink;
  batchSize?: number;
  /** Bounds one run, so a backlog is worked off over several runs instead of one endless job. */
  maxBatches?: number;
  /** How long to wait for transactions still writing events (see settledEventId). */
  settleWaitMs?: number;
}

export interface TExportResult {
  /** `busy`: another worker holds this sink, or writers did not settle in time; nothing was lost. */
  status: 'done' | 'busy';
  exported: number;
  cursor: bigint;
}

/**
 * Sends the events after the sink's cursor, in id order, in batches, and moves the cursor past a batch only
 * after the sink accepted it, in the transaction that holds the sink's advisory lock. A failure leaves the
 * cursor where it was and the next run sends the same batch; the sink's idempotent write (by event_id)
 * turns that at-least-once delivery into exactly-once. Two workers never export the same sink at once: the
 * second finds the lock taken and returns `busy`.
 */
export async function exportEvents(db: PrismaClient, opts: TExportEvents): Promise<TExportResult> {
  const { sink } = opts;
  const batchSize = opts.batchSize ?? 500;
  const start = await db.analyticsCursor.findUnique({ where: { sink: sink.name } });
  let cursor = start?.lastEventId ?? 0n;
  const pending = await db.analyticsEvent.findFirst({ where: { id: { gt: cursor } }, select: { id: true } });
  if (!pending) return { status: 'done', exported: 0, cursor };
  const ceiling = await settledEventId(db, { waitMs: opts.settleWaitMs });
  if (ceiling === null) return { status: 'busy', exported: 0, cursor };

  let exported = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 20); batch++) {
    const step = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${EXPORT_LOCK_SPACE}::int, hashtext(${sink.name})) AS locked`;
        if (!lock?.locked) return null;
        // Re-read under the lock: another worker may have moved the cursor since.
        const row = await tx.analyticsCursor.upsert({
          where: { sink: sink.name },
          create: { sink: sink.name },
          update: {},
        });
        const events = await tx.analyticsEvent.findMany({
          where: { id: { gt: row.lastEventId, lte: ceiling } },
          orderBy: { id: 'asc' },
          take: batchSize,
        });
        const last = events.at(-1);
        if (!last) return { count: 0, cursor: row.lastEventId };
        await sink.write(events.map(toExportRow));
        await tx.analyticsCursor.update({ where: { sink: sink.name }, data: { lastEventId: last.id } });
        return { count: events.length, cursor: last.id };
      },
      // The sink's write (an HTTP call, a file append) runs inside: the lock must outlive it.
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (!step) return { status: 'busy', exported, cursor };
    exported += step.count;
    cursor = step.cursor;
    if (step.count < batchSize) break;
  }
  return { status: 'done', exported, cursor };
}
