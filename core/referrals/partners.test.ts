import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Asset } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { approvePayout } from '#core/payouts/approve-payout.ts';
import { requestPayout } from '#core/payouts/request-payout.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createPartner } from './create-partner.ts';
import { listPartners } from './list-partners.ts';

let t: TestDatabase;
let admin: TStaff;
let finance: TStaff;
before(async () => {
  t = await createTestDatabase();
  admin = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Adm' })).user.id,
    role: 'admin',
  };
  finance = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Fin' })).user.id,
    role: 'finance',
  };
});
after(() => t.drop());

const gateway: PaymentGateway = {
  open: async () => ({ confirmationUrl: 'https://pay.example' }),
  refund: async () => ({ providerRefundId: `r-${Math.random()}` }),
};
const newUser = async (opts: { payload?: string; email?: boolean } = {}) => {
  const { user } = await touchUser(
    t.db,
    { id: uniqueTelegramId(), firstName: 'U' },
    { referralCode: opts.payload },
  );
  if (opts.email)
    await t.db.user.update({
      where: { id: user.id },
      data: { email: `u${user.id}@example.com`, emailVerifiedAt: new Date() },
    });
  return user;
};
const balance = async (userId: bigint, asset: Asset) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset } } }))?.balance ?? 0n;
const platform = async (code: string, asset: Asset = 'RUB') =>
  (await t.db.ledgerAccount.findUnique({ where: { code_asset: { code, asset } } }))?.balance ?? 0n;
const buy = async (userId: bigint, productId: string, provider: 'stars' | 'yookassa') => {
  const payment = await startCheckout(t.db, { userId, productId, provider });
  await confirmPayment(t.db, {
    paymentId: payment.id,
    provider,
    providerPaymentId: `charge-${payment.id}`,
    amount: payment.amount,
    currency: payment.currency,
    raw: {},
  });
  return payment;
};
const card = (userId: bigint) => ({
  userId,
  asset: 'RUB' as const,
  method: 'card_rub' as const,
  destination: '4111 1111 1111 1111',
});
const newPartner = async (percent?: number) => {
  const user = await newUser({ email: true });
  const { partner } = await createPartner(t.db, { staff: admin, userId: user.id, percent });
  return { user, partner };
};

test('admins create partners; a p_<code> link on a new account sets its partner, not a referrer', async () => {
  const candidate = await newUser();
  await assert.rejects(createPartner(t.db, { staff: finance, userId: candidate.id }), (e) =>
    isAppError(e, 'FORBIDDEN'),
  );
  const { partner } = await createPartner(t.db, { staff: admin, userId: candidate.id });
  assert.equal(partner.commissionPercent, 10);
  await assert.rejects(createPartner(t.db, { staff: admin, userId: candidate.id }), (e) =>
    isAppError(e, 'PARTNER_EXISTS'),
  );
  assert.equal(
    await t.db.auditLog.count({ where: { action: 'partner.create', targetUserId: candidate.id } }),
    1,
  );

  const referred = await newUser({ payload: `p_${partner.code}` });
  assert.deepEqual([referred.partnerId, referred.referredById], [partner.id, null]);
  const stranger = await newUser({ payload: 'p_unknowncode' });
  assert.equal(stranger.partnerId, null);
  const invited = await newUser({ payload: referred.referralCode });
  assert.deepEqual(
    [invited.referredById, invited.partnerId],
    [referred.id, null],
    'referral codes still work',
  );
  // An existing account does not change partner by opening another link.
  const again = await touchUser(
    t.db,
    { id: stranger.id, firstName: 'U' },
    { referralCode: `p_${partner.code}` },
  );
  assert.equal(again.user.partnerId, null);
});

test('a referred purchase pays the partner 10% in its currency, once; a refund takes back its share', async () => {
  const { user: partnerUser, partner } = await newPartner();
  const buyer = await newUser({ payload: `p_${partner.code}` });
  const rub = await buy(buyer.id, 'ai-sub-30d', 'yookassa');
  assert.equal(rub.amount, 59_700n);
  assert.equal(await balance(partnerUser.id, 'RUB'), 5_970n);
  await confirmPayment(t.db, {
    paymentId: rub.id,
    provider: 'yookassa',
    providerPaymentId: `charge-${rub.id}`,
    amount: rub.amount,
    currency: 'RUB',
    raw: {},
  });
  assert.equal(await balance(partnerUser.id, 'RUB'), 5_970n, 'a repeated confirmation pays nothing twice');
  const commission = await t.db.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: `payment:${rub.id}:commission` },
    include: { entries: true },
  });
  assert.equal(commission.type, 'commission');
  assert.equal(await platform('revenue'), 59_700n - 5_970n);

  await buy(buyer.id, 'ai-sub-7d', 'stars');
  assert.equal(await balance(partnerUser.id, 'XTR'), 6n, '10% of 65 Stars, floored');

  // Half refunded: half the commission goes back; then the rest: the shares add up to the whole commission.
  await refundPayment(
    t.db,
    { yookassa: gateway },
    { staff: finance, paymentId: rub.id, amount: 29_851n, reason: 'a' },
  );
  assert.equal(await balance(partnerUser.id, 'RUB'), 5_970n - 2_985n);
  await refundPayment(t.db, { yookassa: gateway }, { staff: finance, paymentId: rub.id, reason: 'b' });
  assert.equal(await balance(partnerUser.id, 'RUB'), 0n);
  assert.equal(await platform('revenue'), 0n, 'revenue is back where it started');
});

test('a refund after the partner withdrew records the shortfall and never overdraws them', async () => {
  const { user: partnerUser, partner } = await newPartner(50);
  const buyer = await newUser({ payload: `p_${partner.code}` });
  const payment = await buy(buyer.id, 'ai-sub-30d-max', 'yookassa');
  assert.equal(await balance(partnerUser.id, 'RUB'), 139_500n);
  await requestPayout(t.db, { ...card(partnerUser.id), amount: 100_000n });
  const refund = await refundPayment(
    t.db,
    { yookassa: gateway },
    { staff: finance, paymentId: payment.id, reason: 'chargeback' },
  );
  assert.equal(await balance(partnerUser.id, 'RUB'), 0n);
  const audit = await t.db.auditLog.findFirstOrThrow({
    where: { action: 'payment.refund', targetUserId: buyer.id },
  });
  assert.deepEqual(
    {
      reversed: (audit.after as Record<string, string>).commissionReversed,
      shortfall: (audit.after as Record<string, string>).commissionShortfall,
    },
    { reversed: '39500', shortfall: '100000' },
  );
  const reversal = await t.db.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: `refund:${refund.id}:commission` },
  });
  assert.equal((reversal.metadata as { shortfall: string }).shortfall, '100000');
});

test('the partner list counts who joined, what was earned and what was paid out, per currency', async () => {
  const { user, partner } = await newPartner(50);
  const buyer = await newUser({ payload: `p_${partner.code}` });
  await buy(buyer.id, 'ai-sub-30d-max', 'yookassa');
  await buy(buyer.id, 'ai-sub-30d-max', 'yookassa');
  assert.equal(await balance(user.id, 'RUB'), 279_000n);
  const paid = await requestPayout(t.db, { ...card(user.id), amount: 100_000n });
  await approvePayout(t.db, { staff: finance, requestId: paid.request.id });
  // Requested but not yet paid: not counted.
  await requestPayout(t.db, { ...card(user.id), amount: 50_000n });
  const row = (await listPartners(t.db)).find((r) => r.id === partner.id);
  assert.equal(row?.referred, 1);
  assert.deepEqual(row?.earned, [{ asset: 'RUB', amount: 279_000n }]);
  assert.deepEqual(row?.paidOut, [{ asset: 'RUB', amount: 100_000n }]);
});
