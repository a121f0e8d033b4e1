import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { tierTerms } from '../subscription/subscription-store.ts';
import { vpnDailyGrowth } from './vpn-daily-growth.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
let t: TestDatabase;

async function periods(
  list: { source: 'paid' | 'wallet' | 'trial' | 'admin'; at: string; revoked?: boolean }[],
) {
  const id = uniqueTelegramId();
  await t.db.user.create({ data: { id, firstName: 'd', referralCode: `dg${id}` } });
  await t.db.vpnSubscription.create({ data: { userId: id, ...tierTerms('pro'), expiresAt: NOW } });
  for (const p of list) {
    const at = new Date(p.at);
    await t.db.vpnPeriod.create({
      data: {
        userId: id,
        source: p.source,
        tier: p.source === 'trial' ? 'trial' : 'pro',
        days: 30,
        startsAt: at,
        endsAt: new Date(at.getTime() + 30 * 86_400_000),
        createdAt: at,
        revokedAt: p.revoked ? at : null,
      },
    });
  }
}

before(async () => {
  t = await createTestDatabase();
  // First paid at 23:59 UTC on Nov 29, renewed from the wallet at 00:01 UTC on Nov 30: two different days.
  await periods([
    { source: 'paid', at: '2026-11-29T23:59:00Z' },
    { source: 'wallet', at: '2026-11-30T00:01:00Z' },
  ]);
  // A refunded first payment is not a payment: the later one is this user's first.
  await periods([
    { source: 'trial', at: '2026-11-20T10:00:00Z' },
    { source: 'paid', at: '2026-11-25T10:00:00Z', revoked: true },
    { source: 'paid', at: '2026-11-28T10:00:00Z' },
  ]);
  // Given days are not paid; a payment before the window still makes a renewal in it a renewal.
  await periods([
    { source: 'admin', at: '2026-11-27T10:00:00Z' },
    { source: 'paid', at: '2026-10-01T10:00:00Z' },
    { source: 'paid', at: '2026-12-01T08:00:00Z' },
  ]);
  // Later than now: not counted yet.
  await periods([{ source: 'paid', at: '2026-12-01T13:00:00Z' }]);
});
after(() => t?.drop());

test('a row per UTC day, today last; first paid periods are new, later ones renewals, refunds count nowhere', async () => {
  const days = await vpnDailyGrowth(t.db, { days: 7, now: NOW });
  assert.deepEqual(days, [
    { day: '2026-11-25', newPaid: 0, renewals: 0 },
    { day: '2026-11-26', newPaid: 0, renewals: 0 },
    { day: '2026-11-27', newPaid: 0, renewals: 0 },
    { day: '2026-11-28', newPaid: 1, renewals: 0 },
    { day: '2026-11-29', newPaid: 1, renewals: 0 },
    { day: '2026-11-30', newPaid: 0, renewals: 1 },
    { day: '2026-12-01', newPaid: 0, renewals: 1 },
  ]);
});
