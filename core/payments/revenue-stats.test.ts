import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { revenueStats } from './revenue-stats.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

test('revenue is net of refunds, by day, provider and currency; conversion and ARPU follow', async () => {
  const users = await Promise.all(
    [1, 2, 3, 4].map(async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'S' })).user),
  );
  await t.db.user.updateMany({ data: { signedUpAt: new Date() } });
  const paid = (
    userId: bigint,
    amount: bigint,
    currency: 'RUB' | 'XTR',
    provider: 'yookassa' | 'stars',
    paidAt: Date,
    refunded = 0n,
  ) =>
    t.db.payment.create({
      data: {
        userId,
        provider,
        productId: 'pack-150k',
        product: {},
        amount,
        currency,
        status: 'succeeded',
        paidAt,
        refundedAmount: refunded,
      },
    });
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
  await paid(users[0]?.id ?? 0n, 14_900n, 'RUB', 'yookassa', day(22));
  await paid(users[0]?.id ?? 0n, 27_900n, 'RUB', 'yookassa', day(23), 7_900n);
  await paid(users[1]?.id ?? 0n, 100n, 'XTR', 'stars', day(23));
  await t.db.payment.create({
    data: {
      userId: users[2]?.id ?? 0n,
      provider: 'stars',
      productId: 'x',
      product: {},
      amount: 5n,
      currency: 'XTR',
    },
  });
  const stats = await revenueStats(t.db, { days: 7, now: day(23) });
  assert.deepEqual(
    stats.byDay.map((r) => [r.day, r.provider, r.currency, r.amount, r.payments]),
    [
      ['2026-11-23', 'stars', 'XTR', 100n, 1],
      ['2026-11-23', 'yookassa', 'RUB', 20_000n, 1],
      ['2026-11-22', 'yookassa', 'RUB', 14_900n, 1],
    ],
  );
  assert.equal(stats.payingUsers, 2);
  assert.equal(stats.signedUp, 4);
  assert.equal(stats.conversionBp, 5000);
  assert.deepEqual(stats.arpu, [
    { currency: 'RUB', amount: 8_725n },
    { currency: 'XTR', amount: 25n },
  ]);
});

test('a purchase paid from the wallet is not counted again: its money was counted at the top-up', async () => {
  const buyer = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'W' })).user;
  const now = new Date(Date.UTC(2026, 10, 23, 12));
  const before = await revenueStats(t.db, { days: 7, now });
  await t.db.payment.create({
    data: {
      userId: buyer.id,
      provider: 'wallet',
      productId: 'vpn-basic-30d',
      product: {},
      amount: 19_900n,
      currency: 'RUB',
      status: 'succeeded',
      paidAt: now,
    },
  });
  const after = await revenueStats(t.db, { days: 7, now });
  assert.deepEqual(after.byDay, before.byDay);
  assert.deepEqual(after.totals, before.totals);
  assert.equal(after.payingUsers, before.payingUsers + 1);
});
