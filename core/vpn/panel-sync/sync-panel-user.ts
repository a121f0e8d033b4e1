import type { PrismaClient } from '#core/db/generated/client.ts';
import type { TPanelClient, TPanelUser } from '../panel/panel-client.ts';
import { squadUuidsFor } from './squads.ts';

/** The panel refuses an expiry in the past; an ended subscription is pushed as ending a minute from now. */
const MIN_FUTURE_MS = 60_000;

export interface TSyncResult {
  subscriptionUrl: string;
  /** The expiry as YYYY-MM-DD (UTC), for the "ready" notice. */
  until: string;
  panelUserId: number;
}

/**
 * Brings the panel user of one subscriber in line with our row: creates it the first time (found by its
 * username if an earlier attempt created it and died), then sets the expiry, traffic, devices and squads as
 * absolute values, and the enabled state. Repeating it is harmless, which is what makes the after-commit
 * operation idempotent. Stores the panel's ids and subscription URL, and the version it pushed.
 */
export async function syncPanelUser(
  deps: { db: PrismaClient; panel: TPanelClient; squadNames: Readonly<Record<string, string>>; now?: Date },
  userId: bigint,
): Promise<TSyncResult> {
  const now = deps.now ?? new Date();
  const sub = await deps.db.vpnSubscription.findUniqueOrThrow({
    where: { userId },
    include: { user: { select: { firstName: true, username: true } } },
  });
  const expireAt = new Date(Math.max(sub.expiresAt.getTime(), now.getTime() + MIN_FUTURE_MS));
  const trafficLimitBytes =
    sub.trafficLimitBytes === 0n ? 0 : Number(sub.trafficLimitBytes + sub.extraTrafficBytes);
  const terms = {
    expireAt,
    trafficLimitBytes,
    trafficLimitStrategy: sub.trafficStrategy as 'NO_RESET' | 'DAY' | 'WEEK' | 'MONTH',
    hwidDeviceLimit: sub.deviceLimit + sub.extraDevices,
    activeInternalSquads: await squadUuidsFor(deps.panel, sub.squads, deps.squadNames),
    tag: sub.tier.toUpperCase(),
  };
  const description = `Polygram: ${sub.user.firstName}${sub.user.username ? ` @${sub.user.username}` : ''}`;
  const { user: found, created } = await deps.panel.ensureUser({ telegramId: userId, description, ...terms });
  let user: TPanelUser = created ? found : await deps.panel.updateUser(found.id, { ...terms, description });
  const wantEnabled = sub.disabledAt === null;
  if (wantEnabled && user.status === 'DISABLED') user = await deps.panel.enableUser(user.id);
  if (!wantEnabled && user.status !== 'DISABLED') user = await deps.panel.disableUser(user.id);
  await deps.db.$executeRaw`
    UPDATE vpn_subscriptions
    SET panel_user_id = ${user.id}, short_uuid = ${user.shortUuid},
        subscription_url = ${user.subscriptionUrl},
        used_traffic_bytes = ${BigInt(user.userTraffic.usedTrafficBytes)},
        first_connected_at = ${user.userTraffic.firstConnectedAt}, online_at = ${user.userTraffic.onlineAt},
        synced_version = GREATEST(synced_version, ${sub.version}), updated_at = now()
    WHERE user_id = ${userId}`;
  return {
    subscriptionUrl: user.subscriptionUrl,
    until: sub.expiresAt.toISOString().slice(0, 10),
    panelUserId: user.id,
  };
}
