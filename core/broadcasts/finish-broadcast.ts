import type { PrismaClient } from '#core/db/generated/client.ts';

/**
 * Marks a running broadcast done once every delivery has an outcome. The counters move exactly once per
 * delivery (recordDelivery), so "no pending left" is `sent + failed + blocked = total` without counting rows.
 * True only for the call that made the change, so exactly one caller shows the final progress.
 */
export async function finishBroadcastIfComplete(
  db: PrismaClient,
  opts: { broadcastId: bigint; now?: Date },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE broadcasts SET status = 'done', finished_at = ${opts.now ?? new Date()}
    WHERE id = ${opts.broadcastId} AND status = 'running' AND sent + failed + blocked >= total`;
  return changed > 0;
}
