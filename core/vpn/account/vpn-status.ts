import type { PrismaClient } from '#core/db/generated/client.ts';
import { isPaidTier } from '../plans.ts';

const DAY_MS = 86_400_000;

export type TVpnStatus =
  | { state: 'none'; trialAvailable: boolean }
  | {
      state: 'active' | 'expired' | 'disabled';
      tier: string;
      isTrial: boolean;
      expiresAt: Date;
      /** Whole days left, rounded up (0 when expired). */
      daysLeft: number;
      trafficUsedBytes: bigint;
      /** The plan's traffic plus top-ups; 0 = unlimited. */
      trafficLimitBytes: bigint;
      deviceLimit: number;
      autoRenew: boolean;
      autoRenewProduct: string | null;
      /** The panel user exists and carries the latest change: the link works. */
      ready: boolean;
      subscriptionUrl: string | null;
      firstConnectedAt: Date | null;
      trialAvailable: boolean;
    };

/** What the bot's /vpn and the Mini App's VPN page show, from our row (usage as last synced from the panel). */
export async function getVpnStatus(db: PrismaClient, userId: bigint, now = new Date()): Promise<TVpnStatus> {
  const sub = await db.vpnSubscription.findUnique({ where: { userId } });
  if (!sub) return { state: 'none', trialAvailable: true };
  const hadPaid = isPaidTier(sub.tier) && (await db.vpnPeriod.count({ where: { userId } })) > 0;
  const msLeft = sub.expiresAt.getTime() - now.getTime();
  return {
    state: sub.disabledAt ? 'disabled' : msLeft > 0 ? 'active' : 'expired',
    tier: sub.tier,
    isTrial: sub.tier === 'trial',
    expiresAt: sub.expiresAt,
    daysLeft: msLeft > 0 ? Math.ceil(msLeft / DAY_MS) : 0,
    trafficUsedBytes: sub.usedTrafficBytes,
    trafficLimitBytes: sub.trafficLimitBytes === 0n ? 0n : sub.trafficLimitBytes + sub.extraTrafficBytes,
    deviceLimit: sub.deviceLimit + sub.extraDevices,
    autoRenew: sub.autoRenew,
    autoRenewProduct: sub.autoRenewProduct,
    ready: sub.panelUserId !== null && sub.syncedVersion >= sub.version && sub.subscriptionUrl !== null,
    subscriptionUrl: sub.subscriptionUrl,
    firstConnectedAt: sub.firstConnectedAt,
    trialAvailable: sub.trialUsedAt === null && !hadPaid,
  };
}
