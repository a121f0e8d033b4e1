import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { panelDevices, type TVpnDevice } from '../account/panel-account.ts';
import type { TPanelClient } from '../panel/panel-client.ts';
import { VPN_ADMIN_PERMISSIONS } from './vpn-admin-permissions.ts';

/** The panel is null when the VPN service is off (panelFromEnv). */
export interface TVpnAdminDeps {
  db: PrismaClient;
  panel: TPanelClient | null;
}

/**
 * The panel and the panel user an admin action works on. Unlike the user's own buttons, a subscription an
 * admin switched off is still reachable: support looks at its devices while it is off.
 */
async function panelTarget(deps: TVpnAdminDeps, userId: bigint) {
  if (!deps.panel) throw new AppError('VPN_UNAVAILABLE');
  const sub = await deps.db.vpnSubscription.findUnique({ where: { userId } });
  if (!sub) throw new AppError('VPN_NO_SUBSCRIPTION');
  if (sub.panelUserId === null) throw new AppError('VPN_NOT_READY');
  return { panel: deps.panel, sub, panelUserId: sub.panelUserId };
}

/**
 * Sets the traffic used this period back to zero on the panel (a user cut off by a mistake, a goodwill
 * gesture). The panel call comes first: the audit row says what happened, never what was only attempted.
 */
export async function adminResetTraffic(
  deps: TVpnAdminDeps,
  input: { staff: TStaff; userId: bigint },
): Promise<void> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.resetTraffic);
  const { panel, sub, panelUserId } = await panelTarget(deps, input.userId);
  const user = await panel.resetTraffic(panelUserId);
  const used = BigInt(user.userTraffic.usedTrafficBytes);
  await deps.db.$transaction(async (tx) => {
    await tx.vpnSubscription.update({ where: { userId: input.userId }, data: { usedTrafficBytes: used } });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'vpn.reset_traffic',
      targetUserId: input.userId,
      before: { usedTrafficBytes: sub.usedTrafficBytes.toString() },
      after: { usedTrafficBytes: used.toString() },
    });
  });
}

/** A new subscription link (the old one leaked); every app on the old link stops until it imports the new. */
export async function adminRevokeLink(
  deps: TVpnAdminDeps,
  input: { staff: TStaff; userId: bigint },
): Promise<string> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.revokeLink);
  const { panel, sub, panelUserId } = await panelTarget(deps, input.userId);
  const user = await panel.revokeSubscription(panelUserId);
  await deps.db.$transaction(async (tx) => {
    await tx.vpnSubscription.update({
      where: { userId: input.userId },
      data: { shortUuid: user.shortUuid, subscriptionUrl: user.subscriptionUrl },
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'vpn.revoke_link',
      targetUserId: input.userId,
      before: { shortUuid: sub.shortUuid },
      after: { shortUuid: user.shortUuid },
    });
  });
  return user.subscriptionUrl;
}

/** The devices the panel saw use the subscription, newest first, and how many are allowed. */
export async function adminListDevices(
  deps: TVpnAdminDeps,
  input: { staff: TStaff; userId: bigint },
): Promise<{ devices: TVpnDevice[]; limit: number }> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.devices);
  const { panel, sub, panelUserId } = await panelTarget(deps, input.userId);
  const devices = await panelDevices(panel, panelUserId);
  return { devices, limit: sub.deviceLimit + sub.extraDevices };
}

/** Frees a device slot; returns how many devices are left. */
export async function adminRemoveDevice(
  deps: TVpnAdminDeps,
  input: { staff: TStaff; userId: bigint; hwid: string },
): Promise<number> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.devices);
  const { panel, panelUserId } = await panelTarget(deps, input.userId);
  const left = await panel.deleteUserHwidDevice(panelUserId, input.hwid);
  await deps.db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.staff.id,
      action: 'vpn.remove_device',
      targetUserId: input.userId,
      after: { hwid: input.hwid, devicesLeft: left.total },
    }),
  );
  return left.total;
}
