import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAdjustment, parseMajorAmount } from './parse-money-input.ts';

test('major units become exact minor units; extra decimals, zero and signs are refused', () => {
  assert.equal(parseMajorAmount('49.50', 'RUB'), 4950n);
  assert.equal(parseMajorAmount('49,5', 'RUB'), 4950n);
  assert.equal(parseMajorAmount('0.01', 'USD'), 1n);
  assert.equal(parseMajorAmount('100', 'XTR'), 100n);
  assert.equal(parseMajorAmount('1.5', 'XTR'), null);
  assert.equal(parseMajorAmount('1.005', 'RUB'), null);
  assert.equal(parseMajorAmount('0', 'RUB'), null);
  assert.equal(parseMajorAmount('-5', 'RUB'), null);
  assert.equal(parseMajorAmount('5e3', 'TOKEN'), null);
});

test('corrections: tokens by default, an asset prefix for money, the sign required', () => {
  assert.deepEqual(parseAdjustment('+5000 bug bounty'), {
    asset: 'TOKEN',
    amount: 5000n,
    reason: 'bug bounty',
  });
  assert.deepEqual(parseAdjustment('-2000  chargeback\nsee ticket 7'), {
    asset: 'TOKEN',
    amount: -2000n,
    reason: 'chargeback\nsee ticket 7',
  });
  assert.deepEqual(parseAdjustment('rub -150.00 overpaid'), {
    asset: 'RUB',
    amount: -15000n,
    reason: 'overpaid',
  });
  assert.deepEqual(parseAdjustment('tokens +7 gift'), { asset: 'TOKEN', amount: 7n, reason: 'gift' });
  for (const bad of [
    '5000 no sign',
    '+5000',
    '+0 zero',
    '+1.5 half a token',
    'EUR +5 unknown',
    `+1 ${'x'.repeat(501)}`,
  ]) {
    assert.equal(parseAdjustment(bad), null, bad);
  }
});
