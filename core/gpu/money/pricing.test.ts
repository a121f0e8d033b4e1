import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commissionRoundedUp, DEFAULT_COMMISSION_BPS, gpuHourPrice } from './pricing.ts';

test('on_top: $2.00 asked at 10 % is published at $2.20 and the owner receives $2.00', () => {
  assert.deepEqual(gpuHourPrice(200n, 'on_top', DEFAULT_COMMISSION_BPS), {
    publishedCents: 220n,
    ownerCents: 200n,
    commissionCents: 20n,
  });
});

test('taken_from: $2.00 asked at 10 % is published at $2.00 and the owner receives $1.80', () => {
  assert.deepEqual(gpuHourPrice(200n, 'taken_from', DEFAULT_COMMISSION_BPS), {
    publishedCents: 200n,
    ownerCents: 180n,
    commissionCents: 20n,
  });
});

test('odd cents: the commission rounds up so the owner never receives more than the buyer paid for', () => {
  // 10 % of 37 ¢ is 3.7 ¢ → 4 ¢.
  assert.deepEqual(gpuHourPrice(37n, 'taken_from', 1_000), {
    publishedCents: 37n,
    ownerCents: 33n,
    commissionCents: 4n,
  });
  assert.deepEqual(gpuHourPrice(37n, 'on_top', 1_000), {
    publishedCents: 41n,
    ownerCents: 37n,
    commissionCents: 4n,
  });
  for (let cents = 1n; cents <= 500n; cents++)
    for (const bps of [0, 1, 250, 1_000, 1_234, 9_999]) {
      for (const mode of ['on_top', 'taken_from'] as const) {
        const p = gpuHourPrice(cents, mode, bps);
        assert.equal(p.ownerCents + p.commissionCents, p.publishedCents);
        assert.ok(p.ownerCents >= 0n && p.ownerCents <= p.publishedCents);
        // The owner's receipt never exceeds the exact share (published × (1 − c) for taken_from).
        if (mode === 'taken_from') assert.ok(p.ownerCents * 10_000n <= cents * BigInt(10_000 - bps));
      }
    }
});

test('a commission of 0 passes the price through; 100 % or a fraction of a bps is refused', () => {
  assert.deepEqual(gpuHourPrice(150n, 'on_top', 0), {
    publishedCents: 150n,
    ownerCents: 150n,
    commissionCents: 0n,
  });
  assert.throws(() => commissionRoundedUp(100n, 10_000), RangeError);
  assert.throws(() => commissionRoundedUp(100n, 10.5), RangeError);
  assert.throws(() => commissionRoundedUp(-1n, 1_000), RangeError);
});
