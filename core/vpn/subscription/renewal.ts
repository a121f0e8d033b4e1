import { isPaidTier, TIERS, type TPaidTier, type TVpnTier } from '../plans.ts';

const DAY_MS = 86_400_000;

export type TRenewalKind = 'new' | 'renew' | 'change';

export interface TRenewal {
  kind: TRenewalKind;
  /** When the bought days start counting (now, or the current expiry for a renewal of the same tier). */
  startsAt: Date;
  expiresAt: Date;
  /** For a tier change: the days left of the old tier and what they are worth in the new one. */
  conversion?: { fromTier: TPaidTier; daysLeft: number; convertedDays: number };
}

/**
 * What buying `days` of `tier` does to a subscription (core/vpn/README.md, "Renewals"):
 * - nothing active (none, expired, or a trial): the days start now; a trial's hours are not carried over;
 * - the same tier, active: the days are added to the current expiry;
 * - another paid tier, active: what is left is converted by value (days left × old price per day ÷ new price
 *   per day, both from the 30-day prices) and the bought days are added on top, from now.
 * The same function shows the result before payment and applies it in the payment, so they cannot differ.
 */
export function planRenewal(
  current: { tier: string; expiresAt: Date } | null,
  purchase: { tier: TPaidTier; days: number },
  now: Date,
): TRenewal {
  const add = (from: Date, ms: number) => new Date(from.getTime() + ms);
  const bought = purchase.days * DAY_MS;
  const activeMs = current ? current.expiresAt.getTime() - now.getTime() : 0;
  if (!current || activeMs <= 0 || !isPaidTier(current.tier))
    return {
      kind: current && isPaidTier(current.tier) ? 'renew' : 'new',
      startsAt: now,
      expiresAt: add(now, bought),
    };
  if (current.tier === purchase.tier)
    return { kind: 'renew', startsAt: current.expiresAt, expiresAt: add(current.expiresAt, bought) };
  const convertedMs = Math.floor((activeMs * rate(current.tier)) / rate(purchase.tier));
  return {
    kind: 'change',
    startsAt: now,
    expiresAt: add(now, convertedMs + bought),
    conversion: {
      fromTier: current.tier,
      daysLeft: roundDays(activeMs),
      convertedDays: roundDays(convertedMs),
    },
  };
}

const rate = (tier: TVpnTier) => TIERS[tier].rubPer30Days;
/** Days to one decimal, for the preview ("12.5 days of Basic become 2.8 days of Cyber"). */
const roundDays = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;
