import { z } from 'zod';
import { parseMajorUnits } from '#bots/shared/parse-major-units.ts';
import type { Asset } from '#core/ledger/assets.ts';

const ZAssetSchema = z.enum(['TOKEN', 'RUB', 'USD', 'XTR', 'USDT']);

/** Kept under its old name for the admin flows; one parser serves every place that reads an amount. */
export const parseMajorAmount = parseMajorUnits;

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
