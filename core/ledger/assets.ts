import type { Asset } from '#core/db/generated/client.ts';

export type { Asset };

/** Minor units per major unit: amounts everywhere are integers of these (kopecks, cents, stars, tokens). */
export const MINOR_UNITS: Record<Asset, bigint> = {
  TOKEN: 1n,
  RUB: 100n,
  USD: 100n,
  XTR: 1n,
  USDT: 100n,
};

export const MONEY_ASSETS: readonly Asset[] = ['RUB', 'USD', 'XTR', 'USDT'];

/** An amount as a plain decimal in major units ("149.00", "-0.50", "100"): for wire formats and error details. */
export function formatMinor(amount: bigint, asset: Asset): string {
  const unit = MINOR_UNITS[asset];
  if (unit === 1n) return amount.toString();
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const digits = unit.toString().length - 1;
  return `${sign}${abs / unit}.${(abs % unit).toString().padStart(digits, '0')}`;
}
