import type { PrismaClient } from '#core/db/create-prisma.ts';
import { requestPanelSync } from '#core/vpn/subscription/subscription-store.ts';

/**
 * The panel stand-in keeps its users in memory while the database keeps the subscriptions, so each start
 * pushes every subscription to the fresh panel again (the worker performs it, as after a payment; the panel
 * gives new links, which /config shows). A real panel keeps its users and never needs this.
 */
export async function resyncVpnToFreshPanel(db: PrismaClient, startedAt = new Date()): Promise<number> {
  const subscriptions = await db.vpnSubscription.findMany({ select: { userId: true, version: true } });
  await db.$transaction(async (tx) => {
    for (const sub of subscriptions)
      await requestPanelSync(tx, {
        userId: sub.userId,
        version: sub.version,
        reason: 'sync',
        key: `sandbox-start:${startedAt.toISOString()}:${sub.userId}`,
      });
  });
  return subscriptions.length;
}
