import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Asset } from '#core/ledger/assets.ts';
import { isWithdrawable, type PayoutCurrency } from './payout-methods.ts';
import { formatRate, rateFromDecimal } from './payout-rate.ts';

/**
 * Finance sets what one unit of a balance pays out in a currency (`rate`, scaled), or withdraws the rate
 * (`null`), which stops offering that currency's methods for that balance. Requests already made keep the
 * rate they were made at. Audited with the old and new rate.
 */
export async function setPayoutRate(
  db: PrismaClient,
  input: { staff: TStaff; asset: Asset; currency: PayoutCurrency; rate: bigint | null },
): Promise<{ before: bigint | null; after: bigint | null }> {
  assertCan(input.staff, 'money.payout');
  const { asset, currency, rate } = input;
  // A balance in the method's own currency is paid one for one; a rate there could only be a mistake.
  if (!isWithdrawable(asset) || (asset as string) === currency)
    throw new AppError('INVALID_INPUT', { field: 'asset' });
  if (rate !== null && rate <= 0n) throw new AppError('INVALID_INPUT', { field: 'rate' });
  return db.$transaction(async (tx) => {
    const key = { asset_currency: { asset, currency } };
    const existing = await tx.payoutRate.findUnique({ where: key });
    const before = existing ? rateFromDecimal(existing.rate) : null;
    if (rate === null) {
      if (existing) await tx.payoutRate.delete({ where: key });
    } else {
      const value = formatRate(rate);
      await tx.payoutRate.upsert({
        where: key,
        create: { asset, currency, rate: value, setById: input.staff.id },
        update: { rate: value, setById: input.staff.id },
      });
    }
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'payout.rate',
      before: { asset, currency, rate: before === null ? null : formatRate(before) },
      after: { asset, currency, rate: rate === null ? null : formatRate(rate) },
    });
    return { before, after: rate };
  });
}
