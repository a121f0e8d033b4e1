import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { PRODUCTS } from './products.ts';

const tokensOf = (id: string) => {
  const p = PRODUCTS.find((x) => x.id === id);
  assert.ok(p && typeof p.fulfilment.tokens === 'string');
  return BigInt(p.fulfilment.tokens);
};

test('the AI price list is exactly the spec', () => {
  const rub = Object.fromEntries(
    PRODUCTS.filter((p) => p.service === 'ai' && p.prices.RUB).map((p) => [p.id, Number(p.prices.RUB) / 100]),
  );
  assert.deepEqual(rub, {
    'ai-sub-7d': 98,
    'ai-sub-14d': 196,
    'ai-sub-21d': 289,
    'ai-sub-30d': 597,
    'ai-sub-30d-max': 2790,
    'ai-unlimited-1d': 199,
    'pack-150k': 149,
    'pack-250k': 279,
    'pack-500k': 519,
    'pack-1m': 999,
  });
  assert.equal(tokensOf('ai-sub-30d-max'), 5_000_000n);
  assert.equal(tokensOf('pack-1m'), 1_000_000n);
});

test('larger bundles are cheaper per token, every product has a Stars price and a name in both languages', () => {
  const perToken = ['bundle-small', 'bundle-medium', 'bundle-large'].map((id) => {
    const p = PRODUCTS.find((x) => x.id === id);
    return Number(p?.prices.USD) / Number(tokensOf(id));
  });
  const [small, medium, large] = perToken as [number, number, number];
  assert.ok(small > medium && medium > large, JSON.stringify(perToken));
  const t = loadTranslator(LOCALES_DIR);
  for (const p of PRODUCTS) {
    assert.ok(p.prices.XTR > 0n, p.id);
    assert.ok(REGISTRY.fulfilment(p.fulfilment.kind)?.params.safeParse(p.fulfilment).success, p.id);
    assert.ok(t.has('en', p.titleKey) && t.has('ru', p.titleKey), `${p.titleKey} in locales`);
  }
  assert.equal(new Set(PRODUCTS.map((p) => p.id)).size, PRODUCTS.length);
});
