import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TExportRow } from '#core/analytics/analytics-events.ts';
import { createBigQuerySink } from '#core/analytics/bigquery-sink.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { startBigQueryStandIn, type TBigQueryStandIn } from './bigquery-stand-in.ts';

let bq: TBigQueryStandIn;
before(async () => {
  bq = await startBigQueryStandIn({ token: 'test-access-token' });
});
after(() => bq.close());

const row = (id: number, type: TExportRow['type'] = 'session'): TExportRow => ({
  event_id: String(id),
  type,
  timestamp: new Date(0).toISOString(),
  userid: '42',
  email: null,
  action: 'login',
});
const sink = (token = 'test-access-token') =>
  createBigQuerySink({
    apiUrl: bq.url,
    project: 'proj',
    dataset: 'ds',
    table: 'polygram_{type}',
    accessToken: () => token,
  });

test('rows go to one table per event type, and a resent insertId is stored once', async () => {
  await sink().write([row(1), row(2, 'balance_change'), row(3)]);
  await sink().write([row(3), row(4)]);
  assert.deepEqual(
    bq.control.rows('proj.ds.polygram_session').map((r) => [r.insertId, r.json.event_id]),
    [
      ['1', '1'],
      ['3', '3'],
      ['4', '4'],
    ],
  );
  assert.deepEqual(
    bq.control.rows('proj.ds.polygram_balance_change').map((r) => r.insertId),
    ['2'],
  );
});

test('a wrong token, an injected outage and an invalid row all fail the write and store nothing', async () => {
  const before = bq.control.rows('proj.ds.polygram_session').length;
  await assert.rejects(
    sink('wrong').write([row(10)]),
    (e) => isAppError(e, 'PROVIDER_ERROR') && e.details.status === 401,
  );
  bq.control.failNext({ mode: 'http' });
  await assert.rejects(
    sink().write([row(11)]),
    (e) => isAppError(e, 'PROVIDER_ERROR') && e.details.status === 503,
  );
  bq.control.failNext({ mode: 'invalid' });
  await assert.rejects(
    sink().write([row(12), row(13)]),
    (e) => isAppError(e, 'PROVIDER_ERROR') && String(e.details.insertErrors).includes('row 0: invalid'),
  );
  assert.equal(bq.control.rows('proj.ds.polygram_session').length, before);
  // The fault is used up: the same rows now land.
  await sink().write([row(12), row(13)]);
  assert.deepEqual(
    bq.control
      .rows('proj.ds.polygram_session')
      .slice(before)
      .map((r) => r.insertId),
    ['12', '13'],
  );
});
