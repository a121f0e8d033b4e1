import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { grantBonusDays } from '../bonuses/grant-days.ts';
import { VPN_ADMIN_PERMISSIONS } from './vpn-admin-permissions.ts';

/** Ten years: more than this is a typo, not a gift. */
export const ADMIN_MAX_DAYS = 3650;

/**
 * An admin's free days: added to the expiry while the plan runs, from now once it lapsed (grantBonusDays),
 * audited with the expiry before and after in the same transaction. Returns the new expiry.
 */
export async function adminExtendDays(
  db: PrismaClient,
  input: { staff: TStaff; userId: bigint; days: number; now?: Date },
): Promise<{ expiresAt: Date }> {
  assertCan(input.staff, VPN_ADMIN_PERMISSIONS.extend);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > ADMIN_MAX_DAYS)
    throw new AppError('INVALID_INPUT', { field: 'days' });
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError('USER_NOT_FOUND');
    // The trial takes this lock too: a first subscription row is created once, not by both at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('vpn-user:' || ${input.userId}::text, 0))`;
    const before = await tx.vpnSubscription.findUnique({ where: { userId: input.userId } });
    const expiresAt = await grantBonusDays(tx, {
      userId: input.userId,
      days: input.days,
      source: 'admin',
      now,
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'vpn.extend',
      targetUserId: input.userId,
      before: { tier: before?.tier ?? null, expiresAt: before?.expiresAt.toISOString() ?? null },
      after: { days: input.days, expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt };
  });
}
