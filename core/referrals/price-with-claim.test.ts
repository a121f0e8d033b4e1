import assert from 'node:assert/strict';
import { test } from 'node:test';
import { priceWithClaim } from './price-with-claim.ts';
import { normalizePromoCode, promoRefusal, type TPromoLimits, type TPromoTerms } from './promo-rules.ts';

const terms = (over: Partial<TPromoTerms>): TPromoTerms => ({
  kind: 'percent_discount',
  bonusTokens: null,
  percentOff: null,
  amountOff: null,
  currency: null,
  productId: null,
  ...over,
});
const stars = { productId: 'pack-150k', amount: 100n, currency: 'XTR' as const };
const roubles = { productId: 'pack-150k', amount: 14_900n, currency: 'RUB' as const };

test('percent codes take the floor of the percentage and never go below one minor unit', () => {
  assert.deepEqual(priceWithClaim(terms({ percentOff: 50 }), stars), { amount: 50n, discount: 50n });
  // 33% of 14 900 kopecks is 4 917 exactly; of 65 Stars it is 21.45 → 21 off.
  assert.deepEqual(priceWithClaim(terms({ percentOff: 33 }), roubles), { amount: 9_983n, discount: 4_917n });
  assert.deepEqual(priceWithClaim(terms({ percentOff: 33 }), { ...stars, amount: 65n }), {
    amount: 44n,
    discount: 21n,
  });
  assert.deepEqual(priceWithClaim(terms({ percentOff: 100 }), stars), { amount: 1n, discount: 99n });
  // 1% of 50 Stars is half a Star: nothing to take off, so the code does not apply.
  assert.equal(priceWithClaim(terms({ percentOff: 1 }), { ...stars, amount: 50n }), null);
});

test('fixed codes apply only in their own currency, and never make a payment free', () => {
  const fixed = terms({ kind: 'fixed_discount', amountOff: 5_000n, currency: 'RUB' });
  assert.deepEqual(priceWithClaim(fixed, roubles), { amount: 9_900n, discount: 5_000n });
  assert.equal(priceWithClaim(fixed, stars), null);
  const huge = terms({ kind: 'fixed_discount', amountOff: 1_000_000n, currency: 'RUB' });
  assert.deepEqual(priceWithClaim(huge, roubles), { amount: 1n, discount: 14_899n });
});

test('a product restriction and a bonus code never change a price', () => {
  assert.equal(priceWithClaim(terms({ percentOff: 50, productId: 'pack-1m' }), stars), null);
  assert.deepEqual(priceWithClaim(terms({ percentOff: 50, productId: 'pack-150k' }), stars), {
    amount: 50n,
    discount: 50n,
  });
  assert.equal(priceWithClaim(terms({ kind: 'bonus_tokens', bonusTokens: 1000n }), stars), null);
});

test('limits: disabled, expired, used up, per user, first purchase; codes are case-insensitive', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const open: TPromoLimits = {
    maxRedemptions: 5,
    perUserLimit: 1,
    redemptionsCount: 4,
    firstPurchaseOnly: true,
    expiresAt: new Date('2026-11-23T12:00:01Z'),
    disabledAt: null,
  };
  const fresh = { userRedemptions: 0, hasPaid: false };
  assert.equal(promoRefusal(open, fresh, now), null);
  assert.equal(promoRefusal({ ...open, disabledAt: now }, fresh, now), 'disabled');
  assert.equal(promoRefusal({ ...open, expiresAt: now }, fresh, now), 'expired');
  assert.equal(promoRefusal({ ...open, redemptionsCount: 5 }, fresh, now), 'exhausted');
  assert.equal(promoRefusal({ ...open, maxRedemptions: null, redemptionsCount: 10_000 }, fresh, now), null);
  assert.equal(promoRefusal(open, { ...fresh, userRedemptions: 1 }, now), 'already_used');
  assert.equal(promoRefusal({ ...open, perUserLimit: 2 }, { ...fresh, userRedemptions: 1 }, now), null);
  assert.equal(promoRefusal(open, { ...fresh, hasPaid: true }, now), 'first_purchase_only');
  assert.equal(normalizePromoCode('  welcome-10 '), 'WELCOME-10');
  assert.equal(normalizePromoCode('no spaces'), null);
  assert.equal(normalizePromoCode('ab'), null);
});
