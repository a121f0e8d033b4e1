import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expiryNoticeKind,
  isNoticeTrue,
  noticeDedupeKey,
  noticePeriod,
  type TNoticeState,
} from './notice-kinds.ts';

const now = new Date('2026-12-08T12:00:00.000Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3600_000);

test('paid tiers: 72 h, then 24 h, then expired; nothing outside the windows', () => {
  assert.equal(expiryNoticeKind('pro', inHours(100), now), null);
  assert.equal(expiryNoticeKind('pro', inHours(72), now), 'expires_72h');
  assert.equal(expiryNoticeKind('pro', inHours(25), now), 'expires_72h');
  assert.equal(expiryNoticeKind('pro', inHours(24), now), 'expires_24h', 'the 24 h moment has come');
  assert.equal(expiryNoticeKind('pro', inHours(0.5), now), 'expires_24h');
  assert.equal(expiryNoticeKind('pro', inHours(0), now), 'expired');
  assert.equal(expiryNoticeKind('pro', inHours(-71), now), 'expired');
  assert.equal(expiryNoticeKind('pro', inHours(-73), now), null, 'long expired: no late news');
});

test('a 2-day trial gets trial_ending 2 h before its end instead of the day reminders', () => {
  assert.equal(expiryNoticeKind('trial', inHours(47), now), null);
  assert.equal(expiryNoticeKind('trial', inHours(20), now), null);
  assert.equal(expiryNoticeKind('trial', inHours(2), now), 'trial_ending');
  assert.equal(expiryNoticeKind('trial', inHours(-1), now), 'expired');
});

const state = (over: Partial<TNoticeState>): TNoticeState => ({
  tier: 'basic',
  expiresAt: inHours(200),
  disabledAt: null,
  trafficLimitBytes: 1000n,
  trafficStrategy: 'NO_RESET',
  extraTrafficBytes: 0n,
  usedTrafficBytes: 0n,
  firstConnectedAt: null,
  ...over,
});

test('a notice is no longer true once the expiry moved or the account is switched off', () => {
  assert.equal(isNoticeTrue('expired', state({ expiresAt: inHours(-1) }), now), true);
  assert.equal(isNoticeTrue('expired', state({ expiresAt: inHours(720) }), now), false, 'renewed');
  assert.equal(isNoticeTrue('expires_72h', state({ expiresAt: inHours(72.1) }), now), false);
  assert.equal(
    isNoticeTrue('expires_72h', state({ expiresAt: inHours(72.1) }), now, 15 * 60_000),
    true,
    'a webhook a few minutes early still counts',
  );
  assert.equal(isNoticeTrue('expires_72h', state({ tier: 'trial', expiresAt: inHours(48) }), now), false);
  assert.equal(
    isNoticeTrue('expired', state({ expiresAt: inHours(-1), disabledAt: now }), now),
    false,
    'an account an admin switched off is not reminded',
  );
});

test('traffic: 80 % of plan plus top-ups, 100 % at the limit, never on unlimited plans', () => {
  assert.equal(isNoticeTrue('traffic_80', state({ usedTrafficBytes: 799n }), now), false);
  assert.equal(isNoticeTrue('traffic_80', state({ usedTrafficBytes: 800n }), now), true);
  assert.equal(
    isNoticeTrue('traffic_80', state({ usedTrafficBytes: 800n, extraTrafficBytes: 1000n }), now),
    false,
    'bought traffic counts toward the limit',
  );
  assert.equal(isNoticeTrue('traffic_100', state({ usedTrafficBytes: 999n }), now), false);
  assert.equal(isNoticeTrue('traffic_100', state({ usedTrafficBytes: 1000n }), now), true);
  assert.equal(
    isNoticeTrue('traffic_80', state({ trafficLimitBytes: 0n, usedTrafficBytes: 10n ** 12n }), now),
    false,
  );
});

test('dedupe keys are BullMQ-safe (no colon) and differ per period', () => {
  const a = noticeDedupeKey('expired', 5n, '2026-12-08T12:00:00.000Z');
  const b = noticeDedupeKey('expired', 5n, '2027-01-08T12:00:00.000Z');
  assert.ok(!a.includes(':'));
  assert.notEqual(a, b);
});

test('traffic notices are once per reset window: a monthly reset makes next month’s 80 % news again', () => {
  const expiresAt = new Date('2027-06-01T00:00:00.000Z');
  const monthly = (at: string) =>
    noticePeriod('traffic_80', expiresAt, { strategy: 'MONTH', now: new Date(at) });
  assert.equal(monthly('2026-12-08T12:00:00Z'), monthly('2026-12-31T23:59:00Z'), 'one window per month');
  assert.notEqual(monthly('2026-12-31T23:59:00Z'), monthly('2027-01-02T00:00:00Z'));
  assert.equal(
    noticePeriod('traffic_80', expiresAt, { strategy: 'NO_RESET', now: new Date() }),
    expiresAt.toISOString(),
    'without resets: once per subscription period',
  );
  assert.equal(
    noticePeriod('expired', expiresAt, { strategy: 'MONTH', now: new Date() }),
    expiresAt.toISOString(),
    'expiry notices ignore the traffic window',
  );
  const full = state({ usedTrafficBytes: 900n, trafficStrategy: 'MONTH', expiresAt });
  assert.equal(
    isNoticeTrue('traffic_80', full, new Date('2027-01-01T00:20:00Z')),
    false,
    'reset not settled',
  );
  assert.equal(isNoticeTrue('traffic_80', full, new Date('2027-01-01T02:00:00Z')), true);
  const key = noticeDedupeKey('traffic_80', 5n, monthly('2026-12-08T12:00:00Z'));
  assert.match(key, /^vpn-traffic_80-5-[0-9A-Za-z]+$/);
});
