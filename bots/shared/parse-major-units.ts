import { type Asset, MINOR_UNITS } from '#core/ledger/assets.ts';

/**
 * "500", "99.50" or "99,50" in major units to exact minor units (no float on the way). More decimals than the
 * asset has, a sign, or zero are refused: a typo must not become another amount.
 */
export function parseMajorUnits(text: string, asset: Asset): bigint | null {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const unit = MINOR_UNITS[asset];
  const digits = unit.toString().length - 1;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = BigInt(match[1]) * unit + BigInt(fraction.padEnd(digits, '0') || '0');
  return amount > 0n ? amount : null;
}
