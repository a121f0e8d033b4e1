import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY_MS } from './vastai-clock.ts';
import { earningsByDay } from './vastai-earnings.ts';
import type { TEarningsJson } from './vastai-json.ts';
import { askBody, EVENING, type TCall, withVast } from './vastai-test-client.ts';

const EVENING_DAY = Math.floor(EVENING.getTime() / DAY_MS);
const micros = (dollars: number) => Math.round(dollars * 1_000_000);

async function earnings(call: TCall, query: string): Promise<TEarningsJson> {
  const reply = await call('GET', `/api/v0/users/me/machine-earnings?owner=me&${query}`);
  assert.equal(reply.status, 200);
  return reply.json as TEarningsJson;
}

async function listedMachine(call: TCall, control: { addMachine: () => { id: number } }): Promise<number> {
  const { id } = control.addMachine();
  await call('PUT', '/api/v0/machines/create_asks/', { body: askBody(id, { price_gpu: 2 }) });
  return id;
}

describe('Vast.ai stand-in: earnings per machine per day', () => {
  test('10 h at $2/h from 20:00 UTC earns $8 on the first day and $12 on the second: $20 in all', () =>
    withVast(async (vast, call) => {
      const id = await listedMachine(call, vast.control);
      vast.control.rent(id, 10, 2);
      vast.control.advance(24);
      const report = await earnings(call, `sday=${EVENING_DAY}&eday=${EVENING_DAY + 1}&machid=${id}`);
      assert.deepEqual(
        report.per_day.map((d) => [d.day, d.gpu_earn]),
        [
          [EVENING_DAY, 8],
          [EVENING_DAY + 1, 12],
        ],
      );
      assert.equal(report.summary.total_gpu, 20);
      assert.deepEqual(report.per_machine, [
        { machine_id: id, gpu_earn: 20, sto_earn: 0, bwu_earn: 0, bwd_earn: 0 },
      ]);
      const second = await earnings(call, `sday=${EVENING_DAY + 1}&eday=${EVENING_DAY + 1}`);
      assert.equal(second.summary.total_gpu, 12, 'one day asked, one day counted');
    }));

  test('a rental started at an odd instant still adds up to exactly $20 over the days it spans', () =>
    withVast(
      async (vast, call) => {
        const id = await listedMachine(call, vast.control);
        vast.control.rent(id, 10, 2);
        vast.control.advance(30);
        const report = await earnings(call, `sday=${EVENING_DAY - 1}&eday=${EVENING_DAY + 3}`);
        assert.equal(report.per_day.length, 2);
        const sum = report.per_day.reduce((n, d) => n + micros(d.gpu_earn), 0);
        assert.equal(sum, 20_000_000);
        assert.equal(report.summary.total_gpu, 20);
      },
      { now: new Date(EVENING.getTime() + 1 * 3_600_000 + 23 * 60_000 + 41_123) },
    ));

  test('earnings grow only with the time that passed, and stop when the rental ends early', () =>
    withVast(async (vast, call) => {
      const id = await listedMachine(call, vast.control);
      const rental = vast.control.rent(id, 10, 2);
      const window = `sday=${EVENING_DAY}&eday=${EVENING_DAY + 5}`;
      assert.equal((await earnings(call, window)).summary.total_gpu, 0);
      vast.control.advance(2.5);
      assert.equal((await earnings(call, window)).summary.total_gpu, 5);
      vast.control.endRental(rental.id);
      vast.control.advance(48);
      assert.equal((await earnings(call, window)).summary.total_gpu, 5);
      assert.equal(vast.control.rentals()[0]?.earned, 5);
      assert.equal(vast.control.rentals()[0]?.running, false);
    }));

  test('fractional sday / eday count whole UTC days; machid filters; the default is yesterday', () =>
    withVast(async (vast, call) => {
      const first = await listedMachine(call, vast.control);
      const second = await listedMachine(call, vast.control);
      vast.control.rent(first, 10, 2);
      vast.control.rent(second, 2, 3);
      vast.control.advance(24);
      const fractional = await earnings(call, `sday=${EVENING_DAY + 0.9}&eday=${EVENING_DAY + 0.9}`);
      assert.equal(fractional.summary.total_gpu, 8 + 6);
      const onlyFirst = await earnings(call, `sday=${EVENING_DAY}&eday=${EVENING_DAY + 1}&machid=${first}`);
      assert.deepEqual(
        onlyFirst.per_machine.map((m) => m.machine_id),
        [first],
      );
      const all = await earnings(call, `sday=${EVENING_DAY}&eday=${EVENING_DAY + 1}&machid=null`);
      assert.equal(all.summary.total_gpu, 26);
      // Now is 20:00 on EVENING_DAY + 1, so "yesterday" is EVENING_DAY.
      const yesterday = await earnings(call, '');
      assert.deepEqual(
        yesterday.per_day.map((d) => d.day),
        [EVENING_DAY],
      );
      assert.equal(yesterday.current.balance, 26, 'the balance counts every day');
    }));

  test('a non-numeric sday is invalid_args', () =>
    withVast(async (_vast, call) => {
      const reply = await call('GET', '/api/v0/users/me/machine-earnings?sday=yesterday');
      assert.equal(reply.status, 400);
      assert.equal((reply.json as { error: string }).error, 'invalid_args');
    }));

  test('day shares of long, oddly priced rentals always add up to the whole', () => {
    const start = Date.UTC(2026, 0, 1, 3, 17, 29, 911);
    const rental = {
      machineId: 1,
      priceMicros: 1_234_567,
      startMs: start,
      endMs: start + 1_000 * 3_600_000 + 7,
    };
    const days = earningsByDay([rental], 0, 100_000, rental.endMs + DAY_MS);
    const whole = earningsByDay([{ ...rental }], 0, 100_000, rental.endMs);
    assert.equal(days.length, 42, '03:17 plus 41 days 16 h ends at 19:17 on the 42nd day');
    assert.equal(
      days.reduce((n, d) => n + d.gpuMicros, 0),
      Math.round((1_234_567 * (1_000 * 3_600_000 + 7)) / 3_600_000),
    );
    assert.deepEqual(whole, days, 'nothing accrues after the end');
  });
});
