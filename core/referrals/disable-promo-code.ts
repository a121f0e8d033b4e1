import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, PromoCode } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { lockPromoCode } from './lock-promo-code.ts';
import { normalizePromoCode } from './promo-rules.ts';

/**
 * Stops a code at once: new claims are refused and a waiting discount no longer applies at checkout.
 * Payments already opened with the discount keep it (the user was shown that price).
 */
export async function disablePromoCode(
  db: PrismaClient,
  input: { staff: TStaff; code: string; now?: Date },
): Promise<PromoCode> {
  assertCan(input.staff, 'money.adjust');
  const code = normalizePromoCode(input.code);
  if (!code) throw new AppError('PROMO_REFUSED', { reason: 'not_found' });
  return db.$transaction(async (tx) => {
    const promo = await lockPromoCode(tx, { code });
    if (!promo) throw new AppError('PROMO_REFUSED', { reason: 'not_found' });
    if (promo.disabledAt !== null) return promo;
    const disabled = await tx.promoCode.update({
      where: { id: promo.id },
      data: { disabledAt: input.now ?? new Date() },
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'promo.disable',
      before: { promoCodeId: promo.id.toString(), code, disabledAt: null },
      after: {
        promoCodeId: promo.id.toString(),
        code,
        disabledAt: disabled.disabledAt?.toISOString() ?? null,
      },
    });
    return disabled;
  });
}
