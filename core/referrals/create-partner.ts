import { newReferralCode } from '#core/accounts/referral-code.ts';
import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { Partner, PrismaClient, User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { isUniqueViolation } from '#core/ledger/ledger-accounts.ts';

export const DEFAULT_COMMISSION_PERCENT = 10;
/** A partner's share is a cut of revenue; past half of it the platform would sell at a loss. */
export const MAX_COMMISSION_PERCENT = 50;

/** Makes an existing user a partner with a link code of their own; super admins and admins only. */
export async function createPartner(
  db: PrismaClient,
  input: { staff: TStaff; userId: bigint; percent?: number },
): Promise<{ partner: Partner; user: User }> {
  assertCan(input.staff, 'partners.manage');
  const percent = input.percent ?? DEFAULT_COMMISSION_PERCENT;
  if (!Number.isInteger(percent) || percent < 1 || percent > MAX_COMMISSION_PERCENT)
    throw new AppError('INVALID_INPUT', { field: 'percent', max: MAX_COMMISSION_PERCENT });
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: input.userId } });
        if (!user) throw new AppError('USER_NOT_FOUND');
        const existing = await tx.partner.findUnique({ where: { userId: user.id } });
        if (existing) throw new AppError('PARTNER_EXISTS', { code: existing.code });
        const partner = await tx.partner.create({
          data: {
            userId: user.id,
            code: newReferralCode(8),
            commissionPercent: percent,
            createdById: input.staff.id,
          },
        });
        await recordAudit(tx, {
          actorId: input.staff.id,
          action: 'partner.create',
          targetUserId: user.id,
          after: { partnerId: partner.id.toString(), code: partner.code, percent },
        });
        return { partner, user };
      });
    } catch (error) {
      // Two admins at once for one user, or a random code that collided: the retry tells which.
      if (!isUniqueViolation(error) || attempt > 3) throw error;
    }
  }
}
