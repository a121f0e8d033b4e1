import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { Broadcast, BroadcastStatus, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

export interface TTransition {
  /** False when the broadcast was not in a state this action applies to (a second press, a race): nothing changed. */
  changed: boolean;
  broadcast: Broadcast;
}

/**
 * Moves a broadcast between states with a conditional update, audited in the same transaction. Pause, resume
 * and cancel share it; a press that finds the broadcast already elsewhere changes nothing and is not an error.
 */
export async function transitionBroadcast(
  db: PrismaClient,
  opts: {
    staff: TStaff;
    broadcastId: bigint;
    from: readonly BroadcastStatus[];
    to: BroadcastStatus;
    action: string;
    now?: Date;
  },
): Promise<TTransition> {
  assertCan(opts.staff, 'broadcast.send');
  return db.$transaction(async (tx) => {
    const moved = await tx.broadcast.updateMany({
      where: { id: opts.broadcastId, status: { in: [...opts.from] } },
      data: { status: opts.to, ...(opts.to === 'canceled' ? { finishedAt: opts.now ?? new Date() } : {}) },
    });
    const broadcast = await tx.broadcast.findUnique({ where: { id: opts.broadcastId } });
    if (!broadcast) throw new AppError('NOT_FOUND', { broadcastId: opts.broadcastId.toString() });
    if (moved.count > 0) {
      await recordAudit(tx, {
        actorId: opts.staff.id,
        action: opts.action,
        after: { broadcastId: broadcast.id.toString(), status: broadcast.status },
      });
    }
    return { changed: moved.count > 0, broadcast };
  });
}
