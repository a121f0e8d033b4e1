import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayNumberOf, machineDaysOf, utcDayOf } from './vast-earnings.ts';

test('UTC days and Vast.ai day numbers convert both ways; a fraction is a time within its day', () => {
  assert.equal(dayNumberOf('1970-01-01'), 0);
  assert.equal(dayNumberOf('2026-12-01'), 20_788);
  assert.equal(utcDayOf(20_788), '2026-12-01');
  assert.equal(utcDayOf(20_788.999), '2026-12-01');
  for (const bad of ['2026-02-30', '2026-12-1', '2026-12-01T00:00:00Z', 'yesterday'])
    assert.throws(() => dayNumberOf(bad), RangeError, bad);
});

test('a machine-day is rounded once from the exact sum, so the same answer always gives the same cents', () => {
  // Four parts of 0.0025 $: each rounds to 0 ¢ alone, together they are 1 ¢ — the total, not the parts, is accrued.
  const answer = {
    per_machine: [],
    per_day: [{ day: 20_788, gpu_earn: 0.0025, sto_earn: 0.0025, bwu_earn: 0.0025, bwd_earn: 0.0025 }],
  };
  const days = machineDaysOf('1', answer, { fromDay: 20_788, toDay: 20_788 });
  assert.deepEqual(days, [
    {
      machineId: '1',
      day: '2026-12-01',
      totalCents: 1n,
      parts: { gpuCents: 0n, storageCents: 0n, uploadCents: 0n, downloadCents: 0n },
    },
  ]);
  assert.deepEqual(machineDaysOf('1', answer, { fromDay: 20_788, toDay: 20_788 }), days);
});

test('a rental of 10 h at $2/h reported over two days is $20 in all, to the cent', () => {
  // 0.1 + 0.2 style drift: 6 h and 4 h at 2 $/h as the floats a server's sums produce.
  const answer = {
    per_machine: [{ machine_id: 1, gpu_earn: 20 }],
    per_day: [
      { day: 20_788, gpu_earn: 0.1 * 3 * 40 },
      { day: 20_789, gpu_earn: 8.000000000000002 },
    ],
  };
  const days = machineDaysOf('1', answer, { fromDay: 20_788, toDay: 20_789 });
  assert.deepEqual(
    days.map((d) => [d.day, d.totalCents]),
    [
      ['2026-12-01', 1200n],
      ['2026-12-02', 800n],
    ],
  );
});
