import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Payment } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { spendTokens } from '#core/ledger/spend-tokens.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { confirmPayment } from './confirm-payment.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import { refundPayment } from './refund-payment.ts';
import { startCheckout } from './start-checkout.ts';

let t: TestDatabase;
let finance: { id: bigint; role: 'finance' };
before(async () => {
  t = await createTestDatabase();
  const staff = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Fin' });
  finance = { id: staff.user.id, role: 'finance' };
});
after(() => t.drop());

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'P' })).user.id;
const tokens = async (userId: bigint) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'TOKEN' } } }))?.balance ??
  0n;

const recordingGateway = (fail = false) => {
  const refunds: { payment: Payment; amount: bigint; key: string }[] = [];
  const gateway: PaymentGateway = {
    open: async () => ({ confirmationUrl: 'https://pay.example/1' }),
    refund: async (payment, amount, opts) => {
      if (fail) throw new Error('provider says no');
      refunds.push({ payment, amount, key: opts.idempotenceKey });
      return { providerRefundId: `r-${refunds.length}` };
    },
  };
  return { gateway, refunds };
};

const pay = (payment: Payment, overrides: Partial<Parameters<typeof confirmPayment>[1]> = {}) =>
  confirmPayment(t.db, {
    paymentId: payment.id,
    provider: payment.provider,
    providerPaymentId: `charge-${payment.id}`,
    amount: payment.amount,
    currency: payment.currency,
    raw: { test: true },
    ...overrides,
  });

test('a confirmation delivered five times fulfils once', async () => {
  const userId = await newUser();
  const payment = await startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'yookassa' });
  assert.equal(payment.amount, 14_900n);
  assert.equal(payment.currency, 'RUB');
  const results = await Promise.all(Array.from({ length: 5 }, () => pay(payment)));
  assert.equal(results.filter((r) => r.fulfilled).length, 1);
  assert.equal(await tokens(userId), 150_000n);
  const revenue = await t.db.ledgerAccount.findUniqueOrThrow({
    where: { code_asset: { code: 'revenue', asset: 'RUB' } },
  });
  assert.equal(revenue.balance, 14_900n);
});

test('a confirmation with the wrong amount, currency or provider changes nothing', async () => {
  const userId = await newUser();
  const payment = await startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'stars' });
  assert.equal(payment.currency, 'XTR');
  for (const wrong of [{ amount: 1n }, { currency: 'RUB' as const }, { provider: 'cryptobot' as const }]) {
    await assert.rejects(pay(payment, wrong), (e) => isAppError(e, 'PAYMENT_MISMATCH'));
  }
  assert.equal((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'pending');
  assert.equal(await tokens(userId), 0n);
});

test('a subscription credits expiring tokens and an entitlement; the catalog snapshot decides', async () => {
  const userId = await newUser();
  const payment = await startCheckout(t.db, { userId, productId: 'ai-sub-7d', provider: 'stars' });
  const now = new Date('2026-11-01T00:00:00Z');
  await pay(payment, { now });
  const grant = await t.db.tokenGrant.findFirstOrThrow({ where: { account: { userId } } });
  assert.equal(grant.amount, 150_000n);
  assert.equal(grant.expiresAt?.toISOString(), '2026-11-08T00:00:00.000Z');
  const entitlement = await t.db.entitlement.findFirstOrThrow({ where: { userId } });
  assert.equal(entitlement.kind, 'ai_subscription');
  assert.equal(entitlement.endsAt.toISOString(), '2026-11-08T00:00:00.000Z');
});

test('a refund after a partial spend claws back what is left and records the shortfall', async () => {
  const userId = await newUser();
  const payment = await startCheckout(t.db, { userId, productId: 'pack-250k', provider: 'yookassa' });
  await pay(payment);
  await spendTokens(t.db, { key: `spend-${payment.id}`, userId, amount: 200_000n, reason: 'work' });
  const { gateway, refunds } = recordingGateway();
  const refund = await refundPayment(
    t.db,
    { yookassa: gateway },
    { staff: finance, paymentId: payment.id, reason: 'dispute' },
  );
  assert.equal(refunds.length, 1);
  assert.equal(refunds[0]?.amount, payment.amount);
  assert.equal(refund.tokensClawedBack, 50_000n);
  assert.equal(refund.tokensShortfall, 200_000n);
  assert.equal(await tokens(userId), 0n, 'never below zero');
  const after = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
  assert.equal(after.status, 'refunded');
  await assert.rejects(
    refundPayment(t.db, { yookassa: gateway }, { staff: finance, paymentId: payment.id, reason: 'again' }),
    (e) => isAppError(e, 'REFUND_NOT_ALLOWED'),
  );
  assert.equal(await t.db.auditLog.count({ where: { action: 'payment.refund', targetUserId: userId } }), 1);
});

test('a partial refund takes its share of the tokens; a provider failure changes nothing; roles are checked', async () => {
  const userId = await newUser();
  const payment = await startCheckout(t.db, { userId, productId: 'pack-1m', provider: 'yookassa' });
  await pay(payment);
  const failing = recordingGateway(true);
  await assert.rejects(
    refundPayment(
      t.db,
      { yookassa: failing.gateway },
      { staff: finance, paymentId: payment.id, amount: 49_950n, reason: 'x' },
    ),
    (e) => isAppError(e, 'PROVIDER_ERROR'),
  );
  assert.equal(await tokens(userId), 1_000_000n);
  assert.equal((await t.db.refund.findFirstOrThrow({ where: { paymentId: payment.id } })).status, 'failed');

  await assert.rejects(
    refundPayment(t.db, {}, { staff: { id: 2n, role: 'support' }, paymentId: payment.id, reason: 'x' }),
    (e) => isAppError(e, 'FORBIDDEN'),
  );
  const { gateway } = recordingGateway();
  const refund = await refundPayment(
    t.db,
    { yookassa: gateway },
    { staff: finance, paymentId: payment.id, amount: 49_950n, reason: 'half' },
  );
  assert.equal(refund.tokensClawedBack, 500_000n);
  assert.equal(await tokens(userId), 500_000n);
  assert.equal(
    (await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status,
    'partially_refunded',
  );
});

test('banned users cannot start a checkout; unknown products and unsupported currencies are refused', async () => {
  const userId = await newUser();
  await assert.rejects(startCheckout(t.db, { userId, productId: 'nope', provider: 'stars' }), (e) =>
    isAppError(e, 'PRODUCT_NOT_FOUND'),
  );
  await assert.rejects(
    startCheckout(t.db, { userId, productId: 'bundle-small', provider: 'yookassa' }),
    (e) => isAppError(e, 'CURRENCY_NOT_SUPPORTED'),
  );
  await t.db.user.update({ where: { id: userId }, data: { status: 'banned' } });
  await assert.rejects(startCheckout(t.db, { userId, productId: 'pack-1m', provider: 'stars' }), (e) =>
    isAppError(e, 'USER_BANNED'),
  );
});

test("a referred user's purchase gives the referrer half the tokens, expiring with the purchase", async () => {
  const referrer = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Ref' });
  const buyer = await touchUser(
    t.db,
    { id: uniqueTelegramId(), firstName: 'Buyer' },
    { referralCode: referrer.user.referralCode },
  );
  const payment = await startCheckout(t.db, {
    userId: buyer.user.id,
    productId: 'ai-sub-14d',
    provider: 'stars',
  });
  const now = new Date('2026-11-10T00:00:00Z');
  const first = await pay(payment, { now });
  assert.deepEqual(first.referralBonus, {
    referrerId: referrer.user.id,
    tokens: 125_000n,
    expiresAt: new Date('2026-11-24T00:00:00Z'),
  });
  assert.equal(
    (await pay(payment, { now })).referralBonus,
    null,
    'a repeated confirmation pays no second bonus',
  );
  assert.equal(await tokens(referrer.user.id), 125_000n);
  const grant = await t.db.tokenGrant.findFirstOrThrow({ where: { account: { userId: referrer.user.id } } });
  assert.equal(grant.source, 'referral');
  assert.equal(grant.expiresAt?.toISOString(), '2026-11-24T00:00:00.000Z');
});
