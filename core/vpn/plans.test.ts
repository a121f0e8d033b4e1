import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DURATIONS, PAID_TIERS, planProductId, VPN_PRODUCTS } from './plans.ts';

const price = (id: string, currency: 'RUB' | 'USD' | 'XTR') => {
  const p = VPN_PRODUCTS.find((x) => x.id === id);
  assert.ok(p, id);
  const amount = p.prices[currency];
  assert.ok(amount !== undefined && amount > 0n, `${id} has a ${currency} price`);
  return Number(amount);
};

test('every tier is sold for 30, 90, 180 and 365 days, longer is cheaper per day in every currency', () => {
  for (const tier of PAID_TIERS)
    for (const currency of ['RUB', 'USD', 'XTR'] as const) {
      const perDay = DURATIONS.map((d) => price(planProductId(tier, d.days), currency) / d.days);
      for (let i = 1; i < perDay.length; i++)
        assert.ok((perDay[i] ?? 0) < (perDay[i - 1] ?? 0), `${tier} ${currency}: ${perDay.join(' > ')}`);
    }
});

test('higher tiers cost more for the same days; RUB prices end in 9', () => {
  for (const d of DURATIONS) {
    const rub = PAID_TIERS.map((tier) => price(planProductId(tier, d.days), 'RUB'));
    for (let i = 1; i < rub.length; i++) assert.ok((rub[i] ?? 0) > (rub[i - 1] ?? 0), rub.join(' < '));
    for (const r of rub) assert.equal((r / 100) % 10, 9, `${r / 100} RUB`);
  }
  assert.equal(price('vpn-basic-30d', 'RUB'), 19_900);
  assert.equal(price('vpn-cyber-365d', 'RUB'), 862_900);
});
