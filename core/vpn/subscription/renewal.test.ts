import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRenewal } from './renewal.ts';

const now = new Date('2026-12-10T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

test('a first purchase starts now', () => {
  const r = planRenewal(null, { tier: 'basic', days: 30 }, now);
  assert.equal(r.kind, 'new');
  assert.deepEqual(r.expiresAt, days(30));
});

test('renewing an active plan of the same tier extends from its expiry, an expired one from now', () => {
  const active = planRenewal({ tier: 'pro', expiresAt: days(5) }, { tier: 'pro', days: 90 }, now);
  assert.equal(active.kind, 'renew');
  assert.deepEqual(active.startsAt, days(5));
  assert.deepEqual(active.expiresAt, days(95));
  const expired = planRenewal({ tier: 'pro', expiresAt: days(-3) }, { tier: 'pro', days: 30 }, now);
  assert.equal(expired.kind, 'renew');
  assert.deepEqual(expired.expiresAt, days(30), 'the lapsed days are not given back');
});

test('a trial does not carry its hours into a paid plan', () => {
  const r = planRenewal({ tier: 'trial', expiresAt: days(1.5) }, { tier: 'basic', days: 30 }, now);
  assert.equal(r.kind, 'new');
  assert.deepEqual(r.expiresAt, days(30));
});

test('a tier change converts the days left by value, both ways', () => {
  // 20 days of basic (199/30 days) are worth 20 × 199 / 899 = 4.43 days of cyber.
  const up = planRenewal({ tier: 'basic', expiresAt: days(20) }, { tier: 'cyber', days: 30 }, now);
  assert.equal(up.kind, 'change');
  assert.deepEqual(up.conversion, { fromTier: 'basic', daysLeft: 20, convertedDays: 4.4 });
  const expectedMs = Math.floor((20 * 86_400_000 * 199) / 899) + 30 * 86_400_000;
  assert.equal(up.expiresAt.getTime() - now.getTime(), expectedMs);
  // Down: 10 days of ultra (549) are 10 × 549 / 349 = 15.7 days of pro.
  const down = planRenewal({ tier: 'ultra', expiresAt: days(10) }, { tier: 'pro', days: 30 }, now);
  assert.equal(down.conversion?.convertedDays, 15.7);
  assert.ok(down.expiresAt > days(45) && down.expiresAt < days(46));
});
