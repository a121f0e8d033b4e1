import type { PromoKind } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';

/** Why a code cannot be used now; each has its own message (`promo-refused-<reason>` in locales/). */
export type TPromoRefusal =
  | 'not_found'
  | 'disabled'
  | 'expired'
  | 'exhausted'
  | 'already_used'
  | 'first_purchase_only';

/** The terms of a code, as they decide a price or a bonus. */
export interface TPromoTerms {
  kind: PromoKind;
  bonusTokens: bigint | null;
  percentOff: number | null;
  amountOff: bigint | null;
  currency: Asset | null;
  productId: string | null;
}

export interface TPromoLimits {
  maxRedemptions: number | null;
  perUserLimit: number;
  redemptionsCount: number;
  firstPurchaseOnly: boolean;
  expiresAt: Date | null;
  disabledAt: Date | null;
}

/** What the user has done so far that the limits depend on. */
export interface TPromoUsage {
  /** This user's redemptions of this code. */
  userRedemptions: number;
  /** Whether the user has ever paid for anything (refunded payments count: they were purchases). */
  hasPaid: boolean;
}

/** People type codes in any case and with stray spaces; they are stored upper-case (referrals.prisma). */
export function normalizePromoCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9_-]{3,32}$/.test(code) ? code : null;
}

/**
 * The first limit a use of the code would break, or null when it may be used. Pure: callers read the code
 * under a row lock first when the answer decides a redemption.
 */
export function promoRefusal(promo: TPromoLimits, usage: TPromoUsage, now: Date): TPromoRefusal | null {
  if (promo.disabledAt !== null) return 'disabled';
  if (promo.expiresAt !== null && promo.expiresAt <= now) return 'expired';
  if (promo.maxRedemptions !== null && promo.redemptionsCount >= promo.maxRedemptions) return 'exhausted';
  if (usage.userRedemptions >= promo.perUserLimit) return 'already_used';
  if (promo.firstPurchaseOnly && usage.hasPaid) return 'first_purchase_only';
  return null;
}
