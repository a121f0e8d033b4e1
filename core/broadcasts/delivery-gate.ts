import type { PrismaClient } from '#core/db/generated/client.ts';

/** send: go ahead; wait: the broadcast is paused, try again later; skip: nothing to send (done, canceled, gone). */
export type TDeliveryGate = 'send' | 'wait' | 'skip';

/**
 * Asked right before each broadcast message is sent, so pause and cancel take effect within one message even
 * for jobs already in the queue, and a delivery that already has an outcome is never sent again.
 */
export async function checkBroadcastDelivery(
  db: PrismaClient,
  opts: { broadcastId: bigint; userId: bigint },
): Promise<TDeliveryGate> {
  const delivery = await db.broadcastDelivery.findUnique({
    where: { broadcastId_userId: { broadcastId: opts.broadcastId, userId: opts.userId } },
    select: { status: true, broadcast: { select: { status: true } } },
  });
  if (delivery?.status !== 'pending') return 'skip';
  if (delivery.broadcast.status === 'running') return 'send';
  return delivery.broadcast.status === 'paused' ? 'wait' : 'skip';
}
