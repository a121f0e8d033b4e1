/**
 * The spec's two ways of charging the platform's commission (an admin setting):
 * - `on_top`: the marketplace shows the owner's price plus the commission; the owner receives their price.
 * - `taken_from`: the marketplace shows the owner's price; the owner receives it minus the commission.
 * Commission is in basis points (1000 = 10 %). Amounts are integer cents per GPU-hour.
 *
 * Rounding rule: the commission is always rounded UP to the whole cent, so the owner's side is rounded down
 * and we never promise or pay an owner more than the buyer paid for their share.
 */
export const COMMISSION_MODES = ['on_top', 'taken_from'] as const;
export type TCommissionMode = (typeof COMMISSION_MODES)[number];

/** The spec's fixed platform commission, 10 %; a provider may carry an override. */
export const DEFAULT_COMMISSION_BPS = 1_000;
const WHOLE_BPS = 10_000n;

export function assertCommissionBps(bps: number): void {
  // 100 % or more would leave the owner nothing (taken_from) or double the price for no share (on_top).
  if (!Number.isInteger(bps) || bps < 0 || bps >= 10_000)
    throw new RangeError(`commission ${bps} bps is not 0..9999`);
}

/** ceil(amount × bps / 10 000) for non-negative amounts. */
export function commissionRoundedUp(amount: bigint, bps: number): bigint {
  assertCommissionBps(bps);
  if (amount < 0n) throw new RangeError('amount must not be negative');
  const numerator = amount * BigInt(bps);
  return (numerator + WHOLE_BPS - 1n) / WHOLE_BPS;
}

export interface TGpuHourPrice {
  /** What the marketplace lists per GPU-hour. */
  publishedCents: bigint;
  /** What the owner receives per GPU-hour rented. */
  ownerCents: bigint;
  /** The platform's share per GPU-hour: published − owner. */
  commissionCents: bigint;
}

export function gpuHourPrice(ownerPriceCents: bigint, mode: TCommissionMode, bps: number): TGpuHourPrice {
  const commissionCents = commissionRoundedUp(ownerPriceCents, bps);
  return mode === 'on_top'
    ? { publishedCents: ownerPriceCents + commissionCents, ownerCents: ownerPriceCents, commissionCents }
    : { publishedCents: ownerPriceCents, ownerCents: ownerPriceCents - commissionCents, commissionCents };
}

export const publishedPriceCents = (ownerPriceCents: bigint, mode: TCommissionMode, bps: number): bigint =>
  gpuHourPrice(ownerPriceCents, mode, bps).publishedCents;

export const ownerReceiptCents = (ownerPriceCents: bigint, mode: TCommissionMode, bps: number): bigint =>
  gpuHourPrice(ownerPriceCents, mode, bps).ownerCents;
