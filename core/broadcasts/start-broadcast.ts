import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { Broadcast } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { enqueueBroadcastDeliveries, type TBroadcastQueueDeps } from './broadcast-jobs.ts';
import { segmentCondition } from './segment-users.ts';

// Materializing a million recipients takes longer than Prisma's default 5 s transaction timeout.
const MATERIALIZE_TIMEOUT_MS = 120_000;

/**
 * Starts a draft: one INSERT…SELECT writes a pending delivery per recipient (the segment is frozen at this
 * moment), then every recipient is queued. Calling it again for a running broadcast only re-queues the pending
 * ones under the same job ids, so a retried start after a crash sends nobody twice.
 */
export async function startBroadcast(
  deps: TBroadcastQueueDeps,
  opts: {
    staff: TStaff;
    broadcastId: bigint;
    /** The admin's message that shows live progress. */
    progress?: { chatId: bigint; messageId: number };
    now?: Date;
  },
): Promise<Broadcast> {
  assertCan(opts.staff, 'broadcast.send');
  const now = opts.now ?? new Date();
  const broadcast = await deps.db.$transaction(
    async (tx) => {
      // The conditional update takes the row lock: a concurrent second start waits here, then finds no draft.
      const moved = await tx.broadcast.updateMany({
        where: { id: opts.broadcastId, status: 'draft' },
        data: {
          status: 'running',
          startedAt: now,
          progressChatId: opts.progress?.chatId,
          progressMessageId: opts.progress?.messageId,
        },
      });
      const current = await tx.broadcast.findUnique({ where: { id: opts.broadcastId } });
      if (!current) throw new AppError('NOT_FOUND', { broadcastId: opts.broadcastId.toString() });
      if (moved.count === 0) return current;
      const total = await tx.$executeRaw`
        INSERT INTO broadcast_deliveries (broadcast_id, user_id, updated_at)
        SELECT ${current.id}, u.id, ${now} FROM users u
        WHERE ${segmentCondition({ segment: current.segment, language: current.language, days: current.days }, now)}
        ON CONFLICT DO NOTHING`;
      const started = await tx.broadcast.update({
        where: { id: current.id },
        // Nobody to send to: done at once, so the progress message does not wait for a delivery forever.
        data: total === 0 ? { total, status: 'done', finishedAt: now } : { total },
      });
      await recordAudit(tx, {
        actorId: opts.staff.id,
        action: 'broadcast.start',
        after: { broadcastId: current.id.toString(), segment: current.segment, total },
      });
      return started;
    },
    { timeout: MATERIALIZE_TIMEOUT_MS },
  );
  if (broadcast.status === 'running') await enqueueBroadcastDeliveries(deps, broadcast);
  return broadcast;
}
