import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payoutMinimum } from './payout-minimum.ts';
import {
  amountSending,
  convertPayoutAmount,
  formatRate,
  parseRate,
  RATE_ONE,
  rateFromDecimal,
} from './payout-rate.ts';

test('rates parse and print exactly, with either decimal mark', () => {
  assert.equal(parseRate('1.3'), 1_300_000_000_000n);
  assert.equal(parseRate('92,5'), 92_500_000_000_000n);
  assert.equal(parseRate('0.0000105'), 10_500_000n);
  assert.equal(formatRate(parseRate('0.0000105') ?? 0n), '0.0000105');
  assert.equal(formatRate(RATE_ONE * 90n), '90');
  for (const bad of ['0', '0.000', '-1', '1e5', '1.0000000000001', 'abc', ''])
    assert.equal(parseRate(bad), null, bad);
  assert.equal(rateFromDecimal({ toFixed: () => '1.300000000000' }), 1_300_000_000_000n);
});

test('conversions round down to the minor unit of what is sent', () => {
  const rubPerStar = parseRate('1.3') ?? 0n;
  // 1,000 Stars at 1.3 ₽ = 1,300 ₽ in kopecks.
  assert.equal(convertPayoutAmount(1_000n, 'XTR', rubPerStar, 'RUB'), 130_000n);
  // $123.45 at 0.998 USDT: 123.2031 USDT, rounded down to the cent.
  assert.equal(convertPayoutAmount(12_345n, 'USD', parseRate('0.998') ?? 0n, 'USDT'), 12_320n);
  // $100 at 0.0000105 BTC per dollar: 0.00105 BTC = 105,000 satoshi.
  assert.equal(convertPayoutAmount(10_000n, 'USD', parseRate('0.0000105') ?? 0n, 'BTC'), 105_000n);
  assert.equal(convertPayoutAmount(50_000n, 'RUB', RATE_ONE, 'RUB'), 50_000n);
});

test('the minimum is the least amount that sends the method’s minimum, and never below a balance’s floor', () => {
  const usdPerBtc = parseRate('0.0000105') ?? 0n;
  const least = amountSending(50_000n, 'USD', usdPerBtc, 'BTC');
  assert.ok(convertPayoutAmount(least, 'USD', usdPerBtc, 'BTC') >= 50_000n);
  assert.ok(convertPayoutAmount(least - 1n, 'USD', usdPerBtc, 'BTC') < 50_000n);
  assert.equal(payoutMinimum('RUB', 'card_rub', RATE_ONE), 50_000n);
  assert.equal(payoutMinimum('USDT', 'usdt_trc20', RATE_ONE), 1_000n);
  // 500 ₽ at 1.3 ₽ a Star would be 385 Stars, but Stars leave 1,000 at a time.
  assert.equal(payoutMinimum('XTR', 'card_rub', parseRate('1.3') ?? 0n), 1_000n);
  // At 0.4 ₽ a Star, 500 ₽ takes 1,250 Stars.
  assert.equal(payoutMinimum('XTR', 'card_rub', parseRate('0.4') ?? 0n), 1_250n);
});
