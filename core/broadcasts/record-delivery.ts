import type { BroadcastStatus, PrismaClient } from '#core/db/generated/client.ts';

export type TDeliveryOutcomeStatus = 'sent' | 'failed' | 'blocked';

export interface TBroadcastCounters {
  status: BroadcastStatus;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
}

/**
 * Records one recipient's outcome. The delivery moves from pending and the matching counter goes up in one
 * statement, and only when the delivery actually left pending: a retried job, a duplicate, or a second call
 * counts nothing. Returns the counters after the change, or null when nothing was counted.
 */
export async function recordDelivery(
  db: PrismaClient,
  opts: { broadcastId: bigint; userId: bigint; status: TDeliveryOutcomeStatus; now?: Date },
): Promise<TBroadcastCounters | null> {
  const rows = await db.$queryRaw<TBroadcastCounters[]>`
    WITH changed AS (
      UPDATE broadcast_deliveries
      SET status = ${opts.status}::"DeliveryStatus", updated_at = ${opts.now ?? new Date()}
      WHERE broadcast_id = ${opts.broadcastId} AND user_id = ${opts.userId} AND status = 'pending'
      RETURNING status
    )
    UPDATE broadcasts b SET
      sent = b.sent + (changed.status = 'sent')::int,
      failed = b.failed + (changed.status = 'failed')::int,
      blocked = b.blocked + (changed.status = 'blocked')::int
    FROM changed
    WHERE b.id = ${opts.broadcastId}
    RETURNING b.status::text AS status, b.total, b.sent, b.failed, b.blocked`;
  return rows[0] ?? null;
}
