import type { TStaff } from '#core/accounts/staff.ts';
import { removeQueuedDeliveries, type TBroadcastQueueDeps } from './broadcast-jobs.ts';
import { type TTransition, transitionBroadcast } from './transition-broadcast.ts';

/** Final: the deliveries not sent yet stay pending and are never sent; the counters keep what happened. */
export async function cancelBroadcast(
  deps: TBroadcastQueueDeps,
  opts: { staff: TStaff; broadcastId: bigint },
): Promise<TTransition> {
  const result = await transitionBroadcast(deps.db, {
    ...opts,
    from: ['running', 'paused'],
    to: 'canceled',
    action: 'broadcast.cancel',
  });
  if (result.changed) await removeQueuedDeliveries(deps, opts.broadcastId);
  return result;
}
