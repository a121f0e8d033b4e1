import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { payFromWallet } from '#core/payments/wallet/pay-from-wallet.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import type { TAutoRenewDeps } from './auto-renew-notice.ts';
import { runAutoRenew } from './run-auto-renew.ts';

const DAY = 86_400_000;
const BASIC_30 = { id: 'vpn-basic-30d', rub: 19_900n };
const translator = loadTranslator(LOCALES_DIR);

let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let deps: TAutoRenewDeps;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  deps = { db: t.db, queue, translator };
});
after(async () => {
  await queue.close();
  await redis.cleanup();
  await t.drop();
});

async function subscriber(opts: { rub: bigint; expiresAt: Date }) {
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'V', languageCode: 'en' })).user
    .id;
  await t.db.vpnSubscription.create({
    data: {
      userId,
      tier: 'basic',
      expiresAt: opts.expiresAt,
      trafficLimitBytes: 100n * 1024n ** 3n,
      trafficStrategy: 'MONTH',
      deviceLimit: 2,
      squads: ['standard'],
      autoRenew: true,
      autoRenewProduct: BASIC_30.id,
    },
  });
  if (opts.rub > 0n)
    await t.db.$transaction((tx) =>
      postTransaction(tx, {
        key: `test-fund:${userId}`,
        type: 'manual',
        actor: { type: 'system' },
        reason: 'test funds',
        postings: [
          { account: { platform: 'adjustments', asset: 'RUB' }, amount: -opts.rub },
          { account: { user: userId, asset: 'RUB' }, amount: opts.rub },
        ],
      }),
    );
  return userId;
}

const rub = async (userId: bigint) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'RUB' } } }))?.balance ?? 0n;
const noticesTo = async (userId: bigint) =>
  (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']))
    .filter((job) => job.data.userId === userId.toString())
    .map((job) => job.data.text ?? '');

test('at expiry the plan is paid from the wallet once, however many times the job runs', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const expiresAt = new Date(now.getTime() + 5 * 60_000);
  const userId = await subscriber({ rub: 50_000n, expiresAt });
  await Promise.all([runAutoRenew(deps, { now }), runAutoRenew(deps, { now })]);
  await runAutoRenew(deps, { now });

  const payments = await t.db.payment.findMany({ where: { userId } });
  assert.equal(payments.length, 1);
  assert.equal(payments[0]?.provider, 'wallet');
  assert.equal(payments[0]?.status, 'succeeded');
  assert.equal(await rub(userId), 50_000n - BASIC_30.rub);
  const sub = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.equal(sub.expiresAt.getTime(), expiresAt.getTime() + 30 * DAY, 'renewed from the old expiry');
  const periods = await t.db.vpnPeriod.findMany({ where: { userId } });
  assert.deepEqual(
    periods.map((p) => [p.source, p.paymentId, p.days]),
    [['wallet', payments[0]?.id, 30]],
  );
  const notices = await noticesTo(userId);
  assert.equal(notices.length, 1);
  assert.match(notices[0] ?? '', /renewed: VPN Basic · 30 days.*199 ₽.*Balance: 301 ₽/s);
});

test('without funds nothing is charged and the pay notice goes once', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const expiresAt = new Date(now.getTime() - 60 * 60_000);
  const userId = await subscriber({ rub: 10_000n, expiresAt });
  for (let i = 0; i < 3; i++) await runAutoRenew(deps, { now: new Date(now.getTime() + i * 5 * 60_000) });

  assert.equal(await t.db.payment.count({ where: { userId } }), 0);
  assert.equal(await rub(userId), 10_000n);
  const sub = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.equal(sub.expiresAt.getTime(), expiresAt.getTime());
  const notices = await noticesTo(userId);
  assert.equal(notices.length, 1);
  assert.match(notices[0] ?? '', /could not renew.*199 ₽.*has 100 ₽.*\/vpn/s);
});

test('a top-up after a failed renewal lets the next run renew that same period', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const expiresAt = new Date(now.getTime() - 60 * 60_000);
  const userId = await subscriber({ rub: 0n, expiresAt });
  await runAutoRenew(deps, { now });
  await t.db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-topup-later:${userId}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -BASIC_30.rub },
        { account: { user: userId, asset: 'RUB' }, amount: BASIC_30.rub },
      ],
    }),
  );
  await runAutoRenew(deps, { now });
  assert.equal(await t.db.payment.count({ where: { userId, status: 'succeeded' } }), 1);
  assert.equal(await rub(userId), 0n);
  const sub = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.equal(sub.expiresAt.getTime(), now.getTime() + 30 * DAY, 'an expired plan restarts from now');
});

test('reminders 3 days and 1 day before, once each per period', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const expiresAt = new Date(now.getTime() + 2.5 * DAY);
  const userId = await subscriber({ rub: 5_000n, expiresAt });
  await runAutoRenew(deps, { now });
  await runAutoRenew(deps, { now: new Date(now.getTime() + 60 * 60_000) });
  let notices = await noticesTo(userId);
  assert.equal(notices.length, 1, 'the 3-day reminder once');
  assert.match(notices[0] ?? '', /should renew.*199 ₽.*has 50 ₽.*Top up 149 ₽/s);

  const dayBefore = new Date(expiresAt.getTime() - 0.9 * DAY);
  await runAutoRenew(deps, { now: dayBefore });
  await runAutoRenew(deps, { now: new Date(dayBefore.getTime() + 60 * 60_000) });
  notices = await noticesTo(userId);
  assert.equal(notices.length, 2, 'the 1-day reminder once');
  const kinds = await t.db.vpnNotice.findMany({ where: { userId }, orderBy: { kind: 'asc' } });
  assert.deepEqual(
    kinds.map((n) => [n.kind, n.period]),
    [
      ['autorenew_1d', expiresAt.toISOString()],
      ['autorenew_3d', expiresAt.toISOString()],
    ],
  );
  assert.equal(await t.db.payment.count({ where: { userId } }), 0, 'reminders charge nothing');
});

test('a reminder with enough money says what will be charged', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const userId = await subscriber({ rub: 30_000n, expiresAt: new Date(now.getTime() + 0.5 * DAY) });
  await runAutoRenew(deps, { now });
  const notices = await noticesTo(userId);
  assert.equal(notices.length, 1);
  assert.match(
    notices[0] ?? '',
    /On Dec 11, 00:00 UTC your VPN renews by itself: VPN Basic · 30 days.* for 199 ₽.*Balance: 300 ₽/s,
  );
});

test('a plan bought from the wallet extends an active subscription as a wallet period', async () => {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 10 * DAY);
  const userId = await subscriber({ rub: 20_000n, expiresAt });
  await t.db.vpnSubscription.update({ where: { userId }, data: { autoRenew: false } });
  const paid = await payFromWallet(t.db, { userId, productId: BASIC_30.id, key: 'buy-basic', now });
  const sub = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.equal(sub.expiresAt.getTime(), expiresAt.getTime() + 30 * DAY);
  const period = await t.db.vpnPeriod.findUniqueOrThrow({ where: { paymentId: paid.payment.id } });
  assert.equal(period.source, 'wallet');
  assert.equal(await rub(userId), 100n);
  const provision = await t.db.serviceOperation.count({ where: { paymentId: paid.payment.id } });
  assert.equal(provision, 1, 'the panel is brought in line after commit, as for any payment');
});

test('a trial, or a renewal product that is not a plan, is never charged', async () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const trial = await subscriber({ rub: 50_000n, expiresAt: new Date(now.getTime() + 60_000) });
  await t.db.vpnSubscription.update({
    where: { userId: trial },
    data: { tier: 'trial', autoRenewProduct: null },
  });
  const addon = await subscriber({ rub: 50_000n, expiresAt: new Date(now.getTime() + 60_000) });
  await t.db.vpnSubscription.update({
    where: { userId: addon },
    data: { autoRenewProduct: 'vpn-traffic-50gb' },
  });
  await runAutoRenew(deps, { now });
  assert.equal(await t.db.payment.count({ where: { userId: { in: [trial, addon] } } }), 0);
  assert.deepEqual([await rub(trial), await rub(addon)], [50_000n, 50_000n]);
});
