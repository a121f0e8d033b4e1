import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePromoArgs } from './parse-promo-args.ts';

const now = new Date('2026-11-23T00:00:00Z');

test('the three kinds of code, with their options', () => {
  assert.deepEqual(parsePromoArgs('WELCOME bonus 5000 max=100 first', now), {
    code: 'WELCOME',
    kind: 'bonus_tokens',
    bonusTokens: 5000n,
    maxRedemptions: 100,
    firstPurchaseOnly: true,
  });
  assert.deepEqual(parsePromoArgs('half percent 50% per_user=2 days=7 product=pack-150k', now), {
    code: 'half',
    kind: 'percent_discount',
    percentOff: 50,
    perUserLimit: 2,
    expiresAt: new Date('2026-11-30T00:00:00Z'),
    productId: 'pack-150k',
  });
  assert.deepEqual(parsePromoArgs('MINUS fixed 99,50 rub', now), {
    code: 'MINUS',
    kind: 'fixed_discount',
    amountOff: 9_950n,
    currency: 'RUB',
  });
});

test('anything doubtful is refused rather than guessed', () => {
  for (const line of [
    '',
    'ONLY',
    'X bonus',
    'X bonus -5',
    'X bonus 0',
    'X percent 101',
    'X percent 0',
    'X fixed 100',
    'X fixed 100 EUR',
    'X fixed 1.5 XTR',
    'X bonus 10 max=0',
    'X bonus 10 maxx=3',
    'X bonus 10 first=yes',
    'X discount 10',
  ]) {
    assert.equal(parsePromoArgs(line, now), null, line);
  }
});
