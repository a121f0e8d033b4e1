import type { TStaff } from '#core/accounts/staff.ts';
import { enqueueBroadcastDeliveries, type TBroadcastQueueDeps } from './broadcast-jobs.ts';
import { finishBroadcastIfComplete } from './finish-broadcast.ts';
import { type TTransition, transitionBroadcast } from './transition-broadcast.ts';

/**
 * Sends the rest: the pending deliveries are queued again under their original job ids, so a job still
 * waiting from before the pause is not doubled. If the last outcomes came in while paused, it is done now.
 */
export async function resumeBroadcast(
  deps: TBroadcastQueueDeps,
  opts: { staff: TStaff; broadcastId: bigint },
): Promise<TTransition> {
  const result = await transitionBroadcast(deps.db, {
    ...opts,
    from: ['paused'],
    to: 'running',
    action: 'broadcast.resume',
  });
  if (!result.changed) return result;
  if (await finishBroadcastIfComplete(deps.db, { broadcastId: opts.broadcastId })) {
    const broadcast = await deps.db.broadcast.findUniqueOrThrow({ where: { id: opts.broadcastId } });
    return { changed: true, broadcast };
  }
  await enqueueBroadcastDeliveries(deps, result.broadcast);
  return result;
}
