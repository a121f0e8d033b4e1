import type { PrismaClient } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { METHOD_CURRENCY, type PayoutCurrency, type PayoutMethod, sameCurrency } from './payout-methods.ts';
import { RATE_ONE, rateFromDecimal } from './payout-rate.ts';

export interface TPayoutRate {
  asset: Asset;
  currency: PayoutCurrency;
  /** Scaled by RATE_SCALE (payout-rate.ts). */
  rate: bigint;
  setById: bigint;
  updatedAt: Date;
}

/** Every rate finance has set, by asset then currency. */
export async function listPayoutRates(db: PrismaClient | TTx): Promise<TPayoutRate[]> {
  const rows = await db.payoutRate.findMany({ orderBy: [{ asset: 'asc' }, { currency: 'asc' }] });
  return rows.map((row) => ({ ...row, rate: rateFromDecimal(row.rate) }));
}

/** The rate a method pays a balance at: 1 in its own currency, finance's rate otherwise, null when none is set. */
export function rateFor(rates: readonly TPayoutRate[], asset: Asset, method: PayoutMethod): bigint | null {
  if (sameCurrency(asset, method)) return RATE_ONE;
  return rates.find((r) => r.asset === asset && r.currency === METHOD_CURRENCY[method])?.rate ?? null;
}

/** The rate for one request, read inside its transaction. */
export async function findPayoutRate(tx: TTx, asset: Asset, method: PayoutMethod): Promise<bigint | null> {
  if (sameCurrency(asset, method)) return RATE_ONE;
  const row = await tx.payoutRate.findUnique({
    where: { asset_currency: { asset, currency: METHOD_CURRENCY[method] } },
  });
  return row ? rateFromDecimal(row.rate) : null;
}
