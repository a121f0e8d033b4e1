import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paymentsPage } from './callbacks.ts';
import { parsePaymentFilter } from './parse-payment-filter.ts';

test('every filter kind parses, in any order, with the last day of a range counted whole', () => {
  const parsed = parsePaymentFilter('  2026-11-01..2026-11-23 REFUNDED @Alice_1  stars ');
  assert.deepEqual(parsed, {
    ok: true,
    query: {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-24T00:00:00Z'),
      status: 'refunded',
      user: { by: 'username', username: 'Alice_1' },
      provider: 'stars',
    },
  });
  assert.deepEqual(parsePaymentFilter('partially_refunded 123456789 yookassa'), {
    ok: true,
    query: { status: 'partially_refunded', user: { by: 'id', id: 123456789n }, provider: 'yookassa' },
  });
  assert.deepEqual(parsePaymentFilter(''), { ok: true, query: {} });
});

test('one day and open-ended ranges', () => {
  assert.deepEqual(parsePaymentFilter('2026-12-31'), {
    ok: true,
    query: { from: new Date('2026-12-31T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
  });
  assert.deepEqual(parsePaymentFilter('2026-11-01..'), {
    ok: true,
    query: { from: new Date('2026-11-01T00:00:00Z'), to: undefined },
  });
  assert.deepEqual(parsePaymentFilter('..2026-11-23'), {
    ok: true,
    query: { from: undefined, to: new Date('2026-11-24T00:00:00Z') },
  });
});

test('the first word that fits nothing is named, instead of being ignored', () => {
  for (const [text, token] of [
    ['stars paypal', 'paypal'],
    ['stars cryptobot', 'cryptobot'],
    ['pending canceled', 'canceled'],
    ['@bob 42', '42'],
    ['2026-02-31', '2026-02-31'],
    ['2026-11-23..2026-11-01', '2026-11-23..2026-11-01'],
    ['2026-11-01..2026-11-02..2026-11-03', '2026-11-01..2026-11-02..2026-11-03'],
    ['2026-11-01 2026-11-02', '2026-11-02'],
    ['..', '..'],
    ['@a', '@a'],
    ['bob', 'bob'],
  ] as const) {
    assert.deepEqual(parsePaymentFilter(text), { ok: false, token }, text);
  }
});

test('a parsed filter survives the "More" button, within 64 bytes', () => {
  const parsed = parsePaymentFilter('partially_refunded cryptobot 2026-11-01..2026-11-23');
  assert.ok(parsed.ok);
  const page = { ...parsed.query, user: 9_007_199_254_740_991n, before: 9_223_372_036_854_775_807n };
  const data = paymentsPage.encode(page);
  assert.ok(Buffer.byteLength(data) <= 64, data);
  assert.deepEqual(paymentsPage.decode(data), {
    user: page.user,
    provider: 'cryptobot',
    status: 'partially_refunded',
    from: new Date('2026-11-01T00:00:00Z'),
    to: new Date('2026-11-24T00:00:00Z'),
    before: page.before,
  });
  assert.deepEqual(paymentsPage.decode(paymentsPage.encode({ before: 5n })), {
    user: undefined,
    provider: undefined,
    status: undefined,
    from: undefined,
    to: undefined,
    before: 5n,
  });
  assert.equal(paymentsPage.decode('v1:pays:1:x::::5'), null);
});
