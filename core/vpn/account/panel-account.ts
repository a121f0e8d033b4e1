import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TPanelClient } from '../panel/panel-client.ts';

/** The panel user of a subscriber, or the reason there is none yet. */
async function panelUserIdOf(db: PrismaClient, userId: bigint): Promise<number> {
  const sub = await db.vpnSubscription.findUnique({ where: { userId } });
  if (!sub) throw new AppError('VPN_NO_SUBSCRIPTION');
  if (sub.disabledAt) throw new AppError('VPN_DISABLED');
  if (sub.panelUserId === null) throw new AppError('VPN_NOT_READY');
  return sub.panelUserId;
}

export interface TVpnDevice {
  hwid: string;
  /** What the app reported: "iPhone 15 · iOS 18.1", or null when it said nothing. */
  model: string | null;
  platform: string | null;
  addedAt: Date;
}

/** The devices the panel saw use a panel user's subscription (HWID), newest first. */
export async function panelDevices(panel: TPanelClient, panelUserId: number): Promise<TVpnDevice[]> {
  const answer = await panel.listUserHwidDevices(panelUserId);
  return answer.devices
    .map((d) => ({
      hwid: d.hwid,
      model: [d.deviceModel, d.osVersion].filter(Boolean).join(' · ') || null,
      platform: d.platform,
      addedAt: d.createdAt,
    }))
    .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime());
}

/** The devices the panel saw use the subscription (HWID), newest first. */
export async function listVpnDevices(
  deps: { db: PrismaClient; panel: TPanelClient },
  userId: bigint,
): Promise<{ devices: TVpnDevice[]; limit: number }> {
  const panelUserId = await panelUserIdOf(deps.db, userId);
  const sub = await deps.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  const devices = await panelDevices(deps.panel, panelUserId);
  return { devices, limit: sub.deviceLimit + sub.extraDevices };
}

/** Frees a device slot (a lost phone, a new laptop): the app on it stops working until added again. */
export async function removeVpnDevice(
  deps: { db: PrismaClient; panel: TPanelClient },
  userId: bigint,
  hwid: string,
): Promise<number> {
  const panelUserId = await panelUserIdOf(deps.db, userId);
  const left = await deps.panel.deleteUserHwidDevice(panelUserId, hwid);
  return left.total;
}

/**
 * A new subscription link when the old one leaked: the panel revokes the old short id, so every app that
 * imported the old link stops until it imports the new one. Stores and returns the new link.
 */
export async function revokeVpnLink(
  deps: { db: PrismaClient; panel: TPanelClient },
  userId: bigint,
): Promise<string> {
  const panelUserId = await panelUserIdOf(deps.db, userId);
  const user = await deps.panel.revokeSubscription(panelUserId);
  await deps.db.vpnSubscription.update({
    where: { userId },
    data: { shortUuid: user.shortUuid, subscriptionUrl: user.subscriptionUrl },
  });
  return user.subscriptionUrl;
}

/** Turns auto-renew from the wallet on (with the plan to renew) or off. */
export async function setVpnAutoRenew(
  db: PrismaClient,
  userId: bigint,
  input: { on: boolean; productId?: string },
): Promise<void> {
  const sub = await db.vpnSubscription.findUnique({ where: { userId } });
  if (!sub) throw new AppError('VPN_NO_SUBSCRIPTION');
  await db.vpnSubscription.update({
    where: { userId },
    data: {
      autoRenew: input.on,
      autoRenewProduct: input.on ? (input.productId ?? sub.autoRenewProduct) : sub.autoRenewProduct,
    },
  });
}
