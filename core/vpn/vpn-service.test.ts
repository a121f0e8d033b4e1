import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createLogger } from '#core/logging/logger.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { MAX_REWARDED_REFERRALS, REFERRAL_BONUS_DAYS } from './bonuses/referral-days.ts';
import { panelUsernameFor } from './panel/panel-client.ts';
import { GB } from './plans.ts';
import { activateTrial } from './subscription/activate-trial.ts';

// The VPN service end to end below the adapters: a payment through the shared pipeline, the after-commit
// operation performed against the panel stand-in, refunds and bonuses.

const DAY = 86_400_000;
let t: TestDatabase;
let panel: TRemnawaveStandIn;
let env: Record<string, unknown>;
const logger = createLogger({ level: 'silent', name: 'test' });
const gateway: PaymentGateway = {
  open: async () => ({ confirmationUrl: 'https://pay.example' }),
  refund: async () => ({ providerRefundId: `r-${Math.random()}` }),
};

before(async () => {
  t = await createTestDatabase();
  panel = await startRemnawaveStandIn({ port: 0 });
  env = {
    REMNAWAVE_URL: panel.url,
    REMNAWAVE_TOKEN: panel.token,
    REMNAWAVE_EXTRA_HEADERS: {},
    REMNAWAVE_TIMEOUT_MS: 5_000,
    // One attempt per operation run: a panel that is down fails the run, and the outbox retries it.
    REMNAWAVE_MAX_ATTEMPTS: 1,
    VPN_SQUADS: { standard: 'Default-Squad', premium: 'Premium' },
    VPN_TRIAL_AT_SIGNUP: true,
  };
});
after(async () => {
  await panel?.close();
  await t?.drop();
});

const newUser = async (referredById?: bigint) => {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Vera' });
  if (referredById) await t.db.user.update({ where: { id: user.id }, data: { referredById } });
  return user.id;
};

async function pay(userId: bigint, productId: string) {
  const payment = await startCheckout(t.db, { userId, productId, provider: 'stars' });
  const confirm = () =>
    confirmPayment(t.db, {
      paymentId: payment.id,
      provider: 'stars',
      providerPaymentId: `charge-${payment.id}`,
      amount: payment.amount,
      currency: payment.currency,
      raw: {},
    });
  return { payment, confirm };
}

/** Runs every due operation (of one user) once, as the worker's sweep would; returns their outcomes. */
async function runOperations(userId?: bigint) {
  const due = await t.db.serviceOperation.findMany({
    where: { status: 'pending', ...(userId !== undefined && { userId }) },
    orderBy: { id: 'asc' },
  });
  const outcomes = [];
  for (const row of due) {
    await t.db.serviceOperation.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(0) } });
    outcomes.push(
      await performOperation({ db: t.db, logger, env, registry: REGISTRY, retryBaseMs: 1 }, row.id),
    );
  }
  return outcomes;
}

const panelUser = (userId: bigint) =>
  panel.control.users().filter((u) => u.username === panelUsernameFor(userId));
const sub = (userId: bigint) => t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
const near = (a: Date, b: Date, ms = 5_000) => Math.abs(a.getTime() - b.getTime()) < ms;

test('a payment confirmed 20 times makes one period and one panel user with the plan’s limits', async () => {
  const userId = await newUser();
  const { payment, confirm } = await pay(userId, 'vpn-basic-30d');
  await Promise.all(Array.from({ length: 20 }, () => confirm()));
  assert.equal(await t.db.vpnPeriod.count({ where: { userId } }), 1);
  assert.equal(await t.db.serviceOperation.count({ where: { paymentId: payment.id } }), 1);
  assert.ok(near((await sub(userId)).expiresAt, new Date(Date.now() + 30 * DAY)));

  assert.deepEqual(await runOperations(), ['done']);
  await confirm();
  assert.deepEqual(await runOperations(), [], 'a late confirmation asks for nothing more');
  const users = panelUser(userId);
  assert.equal(users.length, 1, 'one panel user');
  const [user] = users;
  assert.ok(user);
  assert.equal(user.trafficLimitBytes, Number(100n * GB));
  assert.equal(user.trafficLimitStrategy, 'MONTH');
  assert.equal(user.hwidDeviceLimit, 2);
  assert.equal(user.telegramId, Number(userId));
  const squads = panel.control.squads();
  assert.deepEqual(
    user.activeInternalSquads.map((s) => s.name),
    ['Default-Squad'],
    `basic opens the standard servers (squads: ${squads.map((s) => s.name).join(', ')})`,
  );
  const row = await sub(userId);
  assert.equal(row.panelUserId, user.id);
  assert.equal(row.shortUuid, user.shortUuid);
  assert.equal(row.subscriptionUrl, user.subscriptionUrl);
  assert.equal(row.syncedVersion, row.version);
});

test('a panel that is down when the user pays: paid at once, provisioned once when it returns', async () => {
  const userId = await newUser();
  const { payment, confirm } = await pay(userId, 'vpn-pro-90d');
  const outcome = await confirm();
  assert.equal(outcome.payment.status, 'succeeded');
  panel.control.failNext({ count: 3, status: 503 });
  assert.deepEqual(await runOperations(), ['retry']);
  assert.deepEqual(await runOperations(), ['retry']);
  assert.equal(panelUser(userId).length, 0);
  assert.deepEqual(await runOperations(), ['retry']);
  assert.deepEqual(await runOperations(), ['done']);
  assert.equal(panelUser(userId).length, 1);
  const op = await t.db.serviceOperation.findFirstOrThrow({ where: { paymentId: payment.id } });
  assert.equal(op.attempts, 4);
});

test('renewal of the same tier extends from the expiry; an upgrade converts the days left by value', async () => {
  const userId = await newUser();
  await (await pay(userId, 'vpn-basic-30d')).confirm();
  const first = (await sub(userId)).expiresAt;
  await (await pay(userId, 'vpn-basic-30d')).confirm();
  assert.ok(near((await sub(userId)).expiresAt, new Date(first.getTime() + 30 * DAY)), 'from the expiry');

  // ~60 days of basic (199 a month) are worth 60 × 199 / 899 ≈ 13.3 days of cyber.
  await (await pay(userId, 'vpn-cyber-30d')).confirm();
  const upgraded = await sub(userId);
  const expected = Date.now() + ((60 * 199) / 899) * DAY + 30 * DAY;
  assert.ok(Math.abs(upgraded.expiresAt.getTime() - expected) < 60_000, upgraded.expiresAt.toISOString());
  assert.equal(upgraded.tier, 'cyber');
  assert.equal(upgraded.trafficLimitBytes, 0n, 'cyber is unlimited');
  assert.equal(upgraded.deviceLimit, 10);
  await runOperations();
  const [user] = panelUser(userId);
  assert.equal(user?.trafficLimitBytes, 0);
  assert.deepEqual(user?.activeInternalSquads.map((s) => s.name).sort(), ['Default-Squad', 'Premium']);
});

test('an expired plan renews from now', async () => {
  const userId = await newUser();
  await (await pay(userId, 'vpn-pro-30d')).confirm();
  await t.db.vpnSubscription.update({
    where: { userId },
    data: { expiresAt: new Date(Date.now() - 5 * DAY) },
  });
  await (await pay(userId, 'vpn-pro-30d')).confirm();
  assert.ok(near((await sub(userId)).expiresAt, new Date(Date.now() + 30 * DAY)));
});

test('the trial is once per account, also after it ended, and not for someone who paid', async () => {
  const userId = await newUser();
  const [a, b] = await Promise.allSettled([activateTrial(t.db, { userId }), activateTrial(t.db, { userId })]);
  assert.deepEqual([a.status, b.status].sort(), ['fulfilled', 'rejected'], 'two taps at once: one trial');
  const row = await sub(userId);
  assert.equal(row.tier, 'trial');
  assert.equal(row.trafficLimitBytes, 2n * GB);
  assert.ok(near(row.expiresAt, new Date(Date.now() + 2 * DAY)));
  assert.deepEqual(await runOperations(userId), ['done']);
  assert.equal(panelUser(userId)[0]?.tag, 'TRIAL');

  await t.db.vpnSubscription.update({ where: { userId }, data: { expiresAt: new Date(Date.now() - DAY) } });
  await assert.rejects(activateTrial(t.db, { userId }), (e) => isAppError(e, 'VPN_TRIAL_USED'));

  const payer = await newUser();
  await (await pay(payer, 'vpn-basic-30d')).confirm();
  await assert.rejects(activateTrial(t.db, { userId: payer }), (e) => isAppError(e, 'VPN_TRIAL_HAS_PLAN'));
  await runOperations();
});

test('a refund takes back the days in proportion and the panel follows', async () => {
  const userId = await newUser();
  await (await pay(userId, 'vpn-ultra-30d')).confirm();
  const { payment, confirm } = await pay(userId, 'vpn-ultra-30d');
  await confirm();
  await runOperations();
  const before = (await sub(userId)).expiresAt;
  const staff = { id: await newUser(), role: 'finance' as const };
  await refundPayment(
    t.db,
    { stars: gateway },
    { staff, paymentId: payment.id, amount: payment.amount / 2n, reason: 'half' },
  );
  const half = (await sub(userId)).expiresAt;
  assert.ok(near(half, new Date(before.getTime() - 15 * DAY), 60_000), 'half the money: half the days');
  await refundPayment(t.db, { stars: gateway }, { staff, paymentId: payment.id, reason: 'rest' });
  assert.ok(near((await sub(userId)).expiresAt, new Date(before.getTime() - 30 * DAY), 60_000));
  assert.deepEqual(await runOperations(), ['done', 'done'], 'each refund is pushed to the panel');
  const [user] = panelUser(userId);
  assert.ok(user && near(new Date(user.expireAt), new Date(before.getTime() - 30 * DAY), 60_000));
});

test('the referrer gets 3 days at a referred user’s first payment only, for at most 100 referred users', async () => {
  const referrer = await newUser();
  await (await pay(referrer, 'vpn-basic-30d')).confirm();
  const start = (await sub(referrer)).expiresAt;
  const friend = await newUser(referrer);
  await (await pay(friend, 'vpn-basic-30d')).confirm();
  await (await pay(friend, 'vpn-basic-30d')).confirm();
  const rewarded = (await sub(referrer)).expiresAt;
  assert.ok(
    near(rewarded, new Date(start.getTime() + REFERRAL_BONUS_DAYS * DAY)),
    'once, at the first payment',
  );

  await t.db.vpnPeriod.createMany({
    data: Array.from({ length: MAX_REWARDED_REFERRALS - 1 }, () => ({
      userId: referrer,
      source: 'referral',
      tier: 'basic',
      days: REFERRAL_BONUS_DAYS,
      startsAt: new Date(),
      endsAt: new Date(),
    })),
  });
  const late = await newUser(referrer);
  await (await pay(late, 'vpn-basic-30d')).confirm();
  assert.deepEqual((await sub(referrer)).expiresAt, rewarded, 'the 101st referred user brings no days');
  await runOperations();
});
