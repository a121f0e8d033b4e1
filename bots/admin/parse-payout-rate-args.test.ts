import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayoutRateArgs } from './parse-payout-rate-args.ts';

test('a balance, a payout currency and a rate or off, in any case', () => {
  assert.deepEqual(parsePayoutRateArgs('XTR RUB 1.3'), {
    asset: 'XTR',
    currency: 'RUB',
    rate: 1_300_000_000_000n,
  });
  assert.deepEqual(parsePayoutRateArgs(' usd  btc 0,0000105 '), {
    asset: 'USD',
    currency: 'BTC',
    rate: 10_500_000n,
  });
  assert.deepEqual(parsePayoutRateArgs('USD USDT off'), { asset: 'USD', currency: 'USDT', rate: null });
});

test('tokens, unknown currencies, a zero or missing rate and extra words are refused', () => {
  for (const bad of [
    'TOKEN RUB 1',
    'XTR EUR 1',
    'XTR RUB 0',
    'XTR RUB',
    'XTR RUB -1',
    'XTR RUB 1.3 now',
    '',
  ]) {
    assert.equal(parsePayoutRateArgs(bad), null, bad);
  }
});
