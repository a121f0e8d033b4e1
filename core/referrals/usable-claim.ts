import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { readPromoUsage } from './lock-promo-code.ts';
import { priceWithClaim, type TPrice } from './price-with-claim.ts';
import { promoRefusal, type TPromoTerms } from './promo-rules.ts';

export interface TUsableClaim {
  promoCodeId: bigint;
  code: string;
  terms: TPromoTerms;
}

/**
 * The discount code the user claimed, if it may still be used (not disabled, expired, used up, or past the
 * user's own limits). A claim that no longer fits is left alone: the price is simply the full one.
 */
export async function loadUsableClaim(
  db: TTx,
  userId: bigint,
  now = new Date(),
): Promise<TUsableClaim | null> {
  const claim = await db.promoClaim.findUnique({ where: { userId }, include: { promoCode: true } });
  if (!claim) return null;
  const promo = claim.promoCode;
  if (promoRefusal(promo, await readPromoUsage(db, promo.id, userId), now) !== null) return null;
  return { promoCodeId: promo.id, code: promo.code, terms: promo };
}

/** The discounted price a checkout opens with, when the user's claim fits this product and currency. */
export async function checkoutDiscount(
  db: TTx,
  input: { userId: bigint; price: TPrice; now?: Date },
): Promise<{ amount: bigint; discount: bigint; promoCodeId: bigint } | null> {
  const claim = await loadUsableClaim(db, input.userId, input.now);
  const offer = claim ? priceWithClaim(claim.terms, input.price) : null;
  return claim && offer ? { ...offer, promoCodeId: claim.promoCodeId } : null;
}
