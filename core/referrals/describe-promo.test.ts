import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { describePromoScope, describePromoTerms, PROMO_REFUSAL_KEYS } from './describe-promo.ts';
import type { TPromoTerms } from './promo-rules.ts';

const translator = loadTranslator(LOCALES_DIR);
const en = (key: string, args?: Record<string, string>) => translator.t('en', key, args);
const ru = (key: string, args?: Record<string, string>) => translator.t('ru', key, args);
const terms = (over: Partial<TPromoTerms>): TPromoTerms => ({
  kind: 'percent_discount',
  bonusTokens: null,
  percentOff: null,
  amountOff: null,
  currency: null,
  productId: null,
  ...over,
});

test('codes are described in the reader’s language with their amounts', () => {
  assert.equal(describePromoTerms(en, terms({ percentOff: 50 }), 'en'), '50% off');
  assert.equal(describePromoTerms(ru, terms({ percentOff: 50 }), 'ru'), 'скидка 50%');
  const fixed = terms({ kind: 'fixed_discount', amountOff: 10_000n, currency: 'RUB' });
  assert.equal(describePromoTerms(en, fixed, 'en'), '100 ₽ off');
  const bonus = terms({ kind: 'bonus_tokens', bonusTokens: 5_000n });
  assert.equal(describePromoTerms(en, bonus, 'en'), '5,000 tokens');
  assert.equal(describePromoScope(en, terms({})), 'any purchase');
  assert.equal(describePromoScope(en, terms({ productId: 'pack-150k' })), '150,000 tokens · forever');
});

test('every refusal, notice and state chosen at run time has a message in both languages', () => {
  const keys = [
    ...Object.values(PROMO_REFUSAL_KEYS),
    'payout-paid-notice',
    'payout-rejected-notice',
    'admin-promo-state-active',
    'admin-promo-state-disabled',
    'admin-promo-state-expired',
  ];
  for (const key of keys) {
    assert.ok(translator.has('en', key) && translator.has('ru', key), key);
  }
});
