import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPayoutAmount, formatPayoutRate, payoutDecimal } from './format-payout-amount.ts';
import { parseRate } from './payout-rate.ts';

test('amounts to send read in each currency’s own units and the reader’s decimal mark', () => {
  assert.equal(formatPayoutAmount(145_080n, 'RUB', 'en'), '1,450.80 ₽');
  assert.equal(formatPayoutAmount(1_996n, 'USDT', 'en'), '19.96 USDT');
  assert.equal(formatPayoutAmount(525_000n, 'BTC', 'en'), '0.00525 BTC');
  assert.equal(formatPayoutAmount(525_000n, 'BTC', 'ru'), '0,00525 BTC');
  assert.equal(formatPayoutAmount(200_000_000n, 'BTC', 'en'), '2 BTC');
  assert.equal(payoutDecimal(50_000n, 'BTC'), '0.0005');
  assert.equal(payoutDecimal(50_000n, 'RUB'), '500.00');
});

test('rates show every digit finance set, never rounded', () => {
  assert.equal(formatPayoutRate(parseRate('0.0000105') ?? 0n, 'BTC', 'en'), '0.0000105 BTC');
  assert.equal(formatPayoutRate(parseRate('1.3') ?? 0n, 'RUB', 'ru'), '1,3 ₽');
  assert.equal(formatPayoutRate(parseRate('0.998') ?? 0n, 'USDT', 'en'), '0.998 USDT');
});
