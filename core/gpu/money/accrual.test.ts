import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accrualKey, accrueMachineDay } from './accrual.ts';
import { gpuHourPrice } from './pricing.ts';

const day = { marketplace: 'vastai', machineId: '48213', day: '2026-12-07' };

test('a 10 h rental at $2/h with 10 % taken from the price: owner $18.00, platform $2.00', () => {
  assert.deepEqual(accrueMachineDay({ ...day, earnings: 10n * 200n }, 'taken_from', 1_000), {
    idempotencyKey: 'gpu:vastai:48213:2026-12-07',
    ownerEarning: 1_800n,
    platformCommission: 200n,
  });
});

test('on_top: the owner asked $2/h, the buyer paid $2.20/h for 10 h; owner $20.00, platform $2.00', () => {
  const published = gpuHourPrice(200n, 'on_top', 1_000).publishedCents;
  assert.deepEqual(accrueMachineDay({ ...day, earnings: 10n * published }, 'on_top', 1_000), {
    idempotencyKey: 'gpu:vastai:48213:2026-12-07',
    ownerEarning: 2_000n,
    platformCommission: 200n,
  });
});

test('odd cents: the platform part rounds up, the parts always sum to the earnings', () => {
  const a = accrueMachineDay({ ...day, earnings: 1_999n }, 'taken_from', 1_000);
  assert.deepEqual([a?.ownerEarning, a?.platformCommission], [1_799n, 200n]); // 199.9 → 200
  const b = accrueMachineDay({ ...day, earnings: 1n }, 'taken_from', 1_000);
  assert.deepEqual([b?.ownerEarning, b?.platformCommission], [0n, 1n]);
  const c = accrueMachineDay({ ...day, earnings: 1_001n }, 'on_top', 1_000);
  assert.deepEqual([c?.ownerEarning, c?.platformCommission], [910n, 91n]); // 1001 / 1.1 = 910.0909…
  for (let earnings = 1n; earnings <= 3_000n; earnings += 7n)
    for (const bps of [0, 1, 500, 1_000, 1_500, 9_999])
      for (const mode of ['on_top', 'taken_from'] as const) {
        const r = accrueMachineDay({ ...day, earnings }, mode, bps);
        assert.ok(r);
        assert.equal(r.ownerEarning + r.platformCommission, earnings);
        assert.ok(r.ownerEarning >= 0n && r.platformCommission >= 0n);
        const exactOwnerNumerator =
          mode === 'taken_from' ? earnings * BigInt(10_000 - bps) : earnings * 10_000n;
        const denominator = mode === 'taken_from' ? 10_000n : 10_000n + BigInt(bps);
        assert.ok(r.ownerEarning * denominator <= exactOwnerNumerator, `${mode} ${bps} ${earnings}`);
      }
});

test('a provider override changes the split; zero earnings give nothing; negative are refused', () => {
  const r = accrueMachineDay({ ...day, earnings: 2_000n }, 'taken_from', 500);
  assert.deepEqual([r?.ownerEarning, r?.platformCommission], [1_900n, 100n]);
  assert.equal(accrueMachineDay({ ...day, earnings: 0n }, 'taken_from', 1_000), null);
  assert.throws(() => accrueMachineDay({ ...day, earnings: -5n }, 'taken_from', 1_000), RangeError);
});

test('the idempotency key names one machine-day and refuses ambiguous parts', () => {
  assert.equal(accrualKey('vastai', '7', '2026-01-31'), 'gpu:vastai:7:2026-01-31');
  assert.notEqual(accrualKey('vastai', '7', '2026-01-31'), accrualKey('vastai', '7', '2026-02-01'));
  assert.throws(() => accrualKey('vastai', 'a:b', '2026-01-31'), RangeError);
  assert.throws(() => accrualKey('vastai', '7', '2026-1-31'), RangeError);
  assert.throws(() => accrualKey('vastai', '7', '2026-02-31'), RangeError);
  assert.throws(() => accrualKey('Vast AI', '7', '2026-01-31'), RangeError);
});
