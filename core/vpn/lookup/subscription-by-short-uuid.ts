import type { PrismaClient } from '#core/db/generated/client.ts';

/**
 * The subscription link behind a short id, as the import page needs it: null for an unknown id, a revoked
 * one (the row holds the new id after a revoke) and a subscription switched off by an admin. Whoever holds
 * the short id holds the link already: it is the last part of the link itself.
 */
export async function subscriptionUrlByShortUuid(
  db: PrismaClient,
  shortUuid: string,
): Promise<string | null> {
  const sub = await db.vpnSubscription.findFirst({
    where: { shortUuid, disabledAt: null, subscriptionUrl: { not: null } },
    select: { subscriptionUrl: true },
  });
  return sub?.subscriptionUrl ?? null;
}
