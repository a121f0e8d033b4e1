import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { VPN_PRODUCTS } from '../plans.ts';
import { tierTerms } from '../subscription/subscription-store.ts';
import { vpnStats } from './vpn-stats.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

let t: TestDatabase;

type TPeriod = {
  source: 'paid' | 'trial' | 'admin';
  product?: string;
  /** Days from NOW the period was bought and runs. */
  created: number;
  starts?: number;
  ends: number;
  revoked?: boolean;
};

async function subscriber(
  tier: 'trial' | 'basic' | 'pro' | 'ultra' | 'cyber',
  expires: number,
  periods: TPeriod[],
  opts: { disabled?: boolean } = {},
) {
  const id = uniqueTelegramId();
  await t.db.user.create({ data: { id, firstName: 'v', referralCode: `vs${id}` } });
  await t.db.vpnSubscription.create({
    data: {
      userId: id,
      ...tierTerms(tier),
      expiresAt: at(expires),
      disabledAt: opts.disabled ? at(-1) : null,
    },
  });
  for (const p of periods)
    await t.db.vpnPeriod.create({
      data: {
        userId: id,
        source: p.source,
        tier: p.source === 'trial' ? 'trial' : tier,
        productId: p.product ?? null,
        days: p.ends - (p.starts ?? p.created),
        startsAt: at(p.starts ?? p.created),
        endsAt: at(p.ends),
        createdAt: at(p.created),
        revokedAt: p.revoked ? at(p.created + 1) : null,
      },
    });
}

before(async () => {
  t = await createTestDatabase();
  // A: trial 40 days ago, paid a month, lapsed 5 days ago, came back 3 days ago for 90 days.
  await subscriber('basic', 87, [
    { source: 'trial', created: -40, ends: -38 },
    { source: 'paid', product: 'vpn-basic-30d', created: -35, ends: -5 },
    { source: 'paid', product: 'vpn-basic-90d', created: -3, ends: 87 },
  ]);
  // B: first payment 2 days ago, no trial.
  await subscriber('pro', 28, [{ source: 'paid', product: 'vpn-pro-30d', created: -2, ends: 28 }]);
  // C: a trial 10 days ago that ended; never paid.
  await subscriber('trial', -8, [{ source: 'trial', created: -10, ends: -8 }]);
  // D: on the trial now.
  await subscriber('trial', 1, [{ source: 'trial', created: -1, ends: 1 }]);
  // E: paid 50 days ago for a month, ended 20 days ago, gone: the churned one.
  await subscriber('basic', -20, [{ source: 'paid', product: 'vpn-basic-30d', created: -50, ends: -20 }]);
  // F: an admin's free week, never paid.
  await subscriber('basic', 6, [{ source: 'admin', created: -1, ends: 6 }]);
  // G: paid 4 days ago and refunded: counts nowhere.
  await subscriber('cyber', -3, [
    { source: 'paid', product: 'vpn-cyber-30d', created: -4, ends: 26, revoked: true },
  ]);
  // H: trial 20 days ago, paid half a year 6 days ago.
  await subscriber('ultra', 174, [
    { source: 'trial', created: -20, ends: -18 },
    { source: 'paid', product: 'vpn-ultra-180d', created: -6, ends: 174 },
  ]);
  // I: paying, but switched off by an admin.
  await subscriber('pro', 20, [{ source: 'paid', product: 'vpn-pro-30d', created: -10, ends: 20 }], {
    disabled: true,
  });
  // J: paid 40 days ago, lapsed 10 days ago, renewed 5 days ago.
  await subscriber('basic', 25, [
    { source: 'paid', product: 'vpn-basic-30d', created: -40, ends: -10 },
    { source: 'paid', product: 'vpn-basic-30d', created: -5, ends: 25 },
  ]);
});
after(() => t?.drop());

test('the prices the expected MRR is computed from are the catalog’s', () => {
  const rub = (id: string) => VPN_PRODUCTS.find((p) => p.id === id)?.prices.RUB;
  assert.equal(rub('vpn-basic-30d'), 19_900n);
  assert.equal(rub('vpn-basic-90d'), 53_900n);
  assert.equal(rub('vpn-pro-30d'), 34_900n);
  assert.equal(rub('vpn-ultra-180d'), 279_900n);
});

test('VPN figures on a small fixture match the hand count', async () => {
  const stats = await vpnStats(t.db, { days: 7, now: NOW });
  // Paid now: A, B, H, J (I is switched off, E and G ended); trial: D; free days only: F.
  assert.deepEqual(stats.active, { paid: 4, trial: 1, free: 1 });
  // First paid period within 7 days: B (−2), H (−6); G's was refunded.
  assert.equal(stats.newPaid, 2);
  // Paid again within 7 days after paying before: A (−3), J (−5).
  assert.equal(stats.renewals, 2);
  // Took the trial: A, C, D, H; paid after it: A, H.
  assert.deepEqual([stats.trialUsers, stats.trialConverted, stats.conversionBp], [4, 2, 5000]);
  // Per 30 days: A 53 900 × 30/90 = 17 966.67, B 34 900, H 279 900 × 30/180 = 46 650, J 19 900.
  assert.equal(stats.mrrKopecks, 119_417n);
  // Paying 30 days ago: A, E, J (B, H, I started later, G was refunded); since ended for good: E.
  assert.deepEqual([stats.churnBase, stats.churned, stats.churnBp], [3, 1, 3333]);
});
