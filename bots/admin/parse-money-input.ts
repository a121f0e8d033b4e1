import { z } from 'zod';
import { type Asset, MINOR_UNITS } from '../../core/ledger/assets.ts';

const ZAssetSchema = z.enum(['TOKEN', 'RUB', 'USD', 'XTR', 'USDT']);

/**
 * "49.50" or "49,50" in major units to minor units, exactly (no float on the way). More decimals than the
 * asset has, a sign, or zero are refused: a typo must not become a different amount.
 */
export function parseMajorAmount(text: string, asset: Asset): bigint | null {
  const match = /^(\d{1,15})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const unit = MINOR_UNITS[asset];
  const digits = unit.toString().length - 1;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = BigInt(match[1]) * unit + BigInt(fraction.padEnd(digits, '0') || '0');
  return amount > 0n ? amount : null;
}

export interface TAdjustment {
  asset: Asset;
  /** Signed minor units: positive credits, negative debits. */
  amount: bigint;
  reason: string;
}

export const ADJUST_REASON_MAX = 500;

/**
 * A balance correction as an admin types it: `+5000 reason`, `-2000 reason` (tokens), or with the asset first,
 * `RUB -150.00 reason`. The sign is required so that a credit is never a slip of the keyboard.
 */
export function parseAdjustment(text: string): TAdjustment | null {
  const match = /^(?:([A-Za-z]{3,6})\s+)?([+-])\s*(\d[\d.,]*)\s+(\S[\s\S]*)$/.exec(text.trim());
  if (!match) return null;
  const [, rawAsset, sign, number, rawReason] = match;
  const asset = ZAssetSchema.safeParse((rawAsset ?? 'TOKEN').toUpperCase().replace(/^TOKENS$/, 'TOKEN'));
  if (!asset.success || !number || !rawReason) return null;
  const magnitude = parseMajorAmount(number, asset.data);
  const reason = rawReason.trim();
  if (magnitude === null || reason.length > ADJUST_REASON_MAX) return null;
  return { asset: asset.data, amount: sign === '-' ? -magnitude : magnitude, reason };
}
