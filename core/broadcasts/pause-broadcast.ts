import type { TStaff } from '#core/accounts/staff.ts';
import { removeQueuedDeliveries, type TBroadcastQueueDeps } from './broadcast-jobs.ts';
import { type TTransition, transitionBroadcast } from './transition-broadcast.ts';

/**
 * Stops sending; deliveries stay pending. Jobs already taken by a worker see the status and wait in the
 * queue's delayed set until the broadcast is resumed or canceled.
 */
export async function pauseBroadcast(
  deps: TBroadcastQueueDeps,
  opts: { staff: TStaff; broadcastId: bigint },
): Promise<TTransition> {
  const result = await transitionBroadcast(deps.db, {
    ...opts,
    from: ['running'],
    to: 'paused',
    action: 'broadcast.pause',
  });
  if (result.changed) await removeQueuedDeliveries(deps, opts.broadcastId);
  return result;
}
