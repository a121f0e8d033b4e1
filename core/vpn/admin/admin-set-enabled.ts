import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { lockSubscription, requestPanelSync } from '../subscription/subscription-store.ts';
import { VPN_ADMIN_PERMISSIONS } from './vpn-admin-permissions.ts';

/**
 * Switches a subscription off (the panel user is disabled, renewals refused) or back on. The row changes and
 * the panel follows after commit through the silent `vpn.sync` operation, which enables or disables the panel
 * user to match. Asking for the state it is already in changes nothing and writes no audit row.
 */
export async function adminSetEnabled(
  db: PrismaClient,
  input: { staff: TStaff; userId: bigint; enabled: boolean; now?: Date },
): Promise<{ changed: boolean }> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.setEnabled);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await lockSubscription(tx, input.userId);
    if (!current) throw new AppError('VPN_NO_SUBSCRIPTION');
    if ((current.disabledAt === null) === input.enabled) return { changed: false };
    const row = await tx.vpnSubscription.update({
      where: { userId: input.userId },
      data: { disabledAt: input.enabled ? null : now, version: { increment: 1 } },
    });
    await requestPanelSync(tx, { userId: input.userId, version: row.version, reason: 'sync' });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: input.enabled ? 'vpn.enable' : 'vpn.disable',
      targetUserId: input.userId,
      before: { disabledAt: current.disabledAt?.toISOString() ?? null },
      after: { disabledAt: row.disabledAt?.toISOString() ?? null, version: row.version },
    });
    return { changed: true };
  });
}
