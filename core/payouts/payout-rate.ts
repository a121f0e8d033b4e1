import { type Asset, MINOR_UNITS } from '#core/ledger/assets.ts';
import { PAYOUT_CURRENCY_UNITS, type PayoutCurrency } from './payout-methods.ts';

/**
 * A rate is units of the payout currency per one unit of the balance's asset (1 ⭐ = 1.3 ₽), held as an
 * integer of 10⁻¹² (the database keeps DECIMAL(30,12)): conversions stay exact, with no float on the way.
 */
export const RATE_DIGITS = 12;
export const RATE_SCALE = 10n ** BigInt(RATE_DIGITS);
/** The same currency on both sides. */
export const RATE_ONE = RATE_SCALE;

/** "1.3", "0.0000105", "92,5" to a scaled rate; null for zero, a sign, more than 12 decimals or junk. */
export function parseRate(text: string): bigint | null {
  const match = /^(\d{1,18})(?:[.,](\d{1,12}))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const rate = BigInt(match[1]) * RATE_SCALE + BigInt((match[2] ?? '').padEnd(RATE_DIGITS, '0'));
  return rate > 0n ? rate : null;
}

/** The shortest exact decimal: 1300000000000n → "1.3". Also what the database is given. */
export function formatRate(rate: bigint): string {
  const whole = rate / RATE_SCALE;
  const fraction = (rate % RATE_SCALE).toString().padStart(RATE_DIGITS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** A DECIMAL(30,12) value as Prisma returns it (its toFixed never switches to exponent notation). */
export const rateFromDecimal = (value: { toFixed(digits: number): string }): bigint =>
  BigInt(value.toFixed(RATE_DIGITS).replace('.', ''));

/**
 * What a payout of `amount` (minor units of `asset`) sends, in minor units of `currency`, rounded down: the
 * platform never sends a fraction of a kopeck or satoshi more than the balance paid for.
 */
export function convertPayoutAmount(
  amount: bigint,
  asset: Asset,
  rate: bigint,
  currency: PayoutCurrency,
): bigint {
  return (amount * rate * PAYOUT_CURRENCY_UNITS[currency]) / (MINOR_UNITS[asset] * RATE_SCALE);
}

/** The least amount of `asset` (minor units) that sends at least `sent` (minor units of `currency`). */
export function amountSending(sent: bigint, asset: Asset, rate: bigint, currency: PayoutCurrency): bigint {
  const numerator = sent * MINOR_UNITS[asset] * RATE_SCALE;
  const denominator = rate * PAYOUT_CURRENCY_UNITS[currency];
  return (numerator + denominator - 1n) / denominator;
}
