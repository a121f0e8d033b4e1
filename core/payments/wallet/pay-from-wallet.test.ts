import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { createPartner } from '#core/referrals/create-partner.ts';
import { assertBooksBalance } from '#tests/support/ledger-books.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { payFromWallet } from './pay-from-wallet.ts';

let t: TestDatabase;
let finance: { id: bigint; role: 'finance' };
before(async () => {
  t = await createTestDatabase();
  const staff = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Fin' });
  finance = { id: staff.user.id, role: 'finance' };
});
after(() => t.drop());

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'W' })).user.id;
const balance = async (userId: bigint, asset: 'RUB' | 'TOKEN' = 'RUB') =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset } } }))?.balance ?? 0n;
const revenue = async () =>
  (await t.db.ledgerAccount.findUnique({ where: { code_asset: { code: 'revenue', asset: 'RUB' } } }))
    ?.balance ?? 0n;

/** Money in the wallet the way support would put it there (an adjustment), kept apart from top-ups. */
const fund = (userId: bigint, kopecks: bigint) =>
  t.db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-fund:${userId}:${kopecks}:${Math.random()}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -kopecks },
        { account: { user: userId, asset: 'RUB' }, amount: kopecks },
      ],
    }),
  );

// pack-150k: 149 ₽ for 150,000 tokens (core/ai products).
const PACK = { id: 'pack-150k', rub: 14_900n, tokens: 150_000n };

test('a wallet payment debits exactly the price, books revenue and delivers the product', async () => {
  const userId = await newUser();
  await fund(userId, 20_000n);
  const revenueBefore = await revenue();
  const paid = await payFromWallet(t.db, { userId, productId: PACK.id, key: 'tap-1' });
  assert.equal(paid.fulfilled, true);
  assert.equal(paid.payment.provider, 'wallet');
  assert.equal(paid.payment.status, 'succeeded');
  assert.equal(paid.payment.amount, PACK.rub);
  assert.equal(await balance(userId), 20_000n - PACK.rub);
  assert.equal(await balance(userId, 'TOKEN'), PACK.tokens);
  assert.equal((await revenue()) - revenueBefore, PACK.rub);
  await assertBooksBalance(t.db);
});

test('without enough money nothing moves and the error says what is missing', async () => {
  const userId = await newUser();
  await fund(userId, 10_000n);
  await assert.rejects(payFromWallet(t.db, { userId, productId: PACK.id, key: 'short-1' }), (e) => {
    assert.ok(isAppError(e, 'WALLET_INSUFFICIENT'));
    assert.equal(e.details.missingMinor, '4900');
    assert.match(String(e.details.missing), /^49\s₽$/);
    return true;
  });
  assert.equal(await balance(userId), 10_000n);
  assert.equal(await balance(userId, 'TOKEN'), 0n);
  assert.equal(await t.db.payment.count({ where: { userId } }), 0);
});

test('one key is one payment, also when the taps arrive together', async () => {
  const userId = await newUser();
  await fund(userId, 100_000n);
  const results = await Promise.all(
    Array.from({ length: 4 }, () => payFromWallet(t.db, { userId, productId: PACK.id, key: 'double-tap' })),
  );
  assert.equal(results.filter((r) => !r.duplicate).length, 1);
  assert.equal(new Set(results.map((r) => r.payment.id)).size, 1);
  const again = await payFromWallet(t.db, { userId, productId: PACK.id, key: 'double-tap' });
  assert.equal(again.duplicate, true);
  assert.equal(await t.db.payment.count({ where: { userId } }), 1);
  assert.equal(await balance(userId), 100_000n - PACK.rub);
  assert.equal(await balance(userId, 'TOKEN'), PACK.tokens);
});

test('20 concurrent payments on a balance that covers 5: exactly 5 go through and the balance ends at 0', async () => {
  const userId = await newUser();
  await fund(userId, PACK.rub * 5n);
  const settled = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      payFromWallet(t.db, { userId, productId: PACK.id, key: `race-${i}` }),
    ),
  );
  const ok = settled.filter((s) => s.status === 'fulfilled');
  const refused = settled.filter((s) => s.status === 'rejected');
  assert.equal(ok.length, 5);
  for (const r of refused) assert.ok(isAppError(r.reason, 'WALLET_INSUFFICIENT'), String(r.reason));
  assert.equal(await balance(userId), 0n);
  assert.equal(await balance(userId, 'TOKEN'), PACK.tokens * 5n);
  assert.equal(await t.db.payment.count({ where: { userId, status: 'succeeded' } }), 5);
  await assertBooksBalance(t.db);
});

test('refunding a wallet payment puts the money back in the wallet and takes the product back', async () => {
  const userId = await newUser();
  await fund(userId, 20_000n);
  const revenueBefore = await revenue();
  const { payment } = await payFromWallet(t.db, { userId, productId: PACK.id, key: 'to-refund' });
  const refund = await refundPayment(t.db, {}, { staff: finance, paymentId: payment.id, reason: 'asked' });
  assert.equal(refund.status, 'succeeded');
  assert.equal(refund.tokensClawedBack, PACK.tokens);
  assert.equal(await balance(userId), 20_000n);
  assert.equal(await balance(userId, 'TOKEN'), 0n);
  assert.equal(await revenue(), revenueBefore);
  assert.equal((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'refunded');
  await assertBooksBalance(t.db);
});

test('a top-up credits its roubles whatever it was paid in; its refund takes back what is left', async () => {
  const userId = await newUser();
  const topup = await startCheckout(t.db, { userId, productId: 'wallet-topup-300', provider: 'stars' });
  assert.equal(topup.currency, 'XTR');
  assert.equal(topup.amount, 200n);
  for (let i = 0; i < 2; i++)
    await confirmPayment(t.db, {
      paymentId: topup.id,
      provider: 'stars',
      providerPaymentId: `charge-${topup.id}`,
      amount: topup.amount,
      currency: 'XTR',
      raw: {},
    });
  assert.equal(await balance(userId), 30_000n, 'credited once for two confirmations');
  await payFromWallet(t.db, { userId, productId: PACK.id, key: 'spend-some' });
  assert.equal(await balance(userId), 30_000n - PACK.rub);

  const stars = {
    open: async () => ({ confirmationUrl: '' }),
    refund: async () => ({ providerRefundId: 'r' }),
  };
  await refundPayment(t.db, { stars }, { staff: finance, paymentId: topup.id, reason: 'asked' });
  assert.equal(await balance(userId), 0n, 'what was left is taken back, never below zero');
  const audit = await t.db.auditLog.findFirstOrThrow({
    where: { targetUserId: userId, action: 'payment.refund' },
  });
  const after = audit.after as Record<string, string>;
  assert.equal(after.walletClawedBack, String(30_000n - PACK.rub));
  assert.equal(after.walletShortfall, String(PACK.rub));
  await assertBooksBalance(t.db);
});

test('a half refund of a top-up takes back half of it', async () => {
  const userId = await newUser();
  const topup = await startCheckout(t.db, { userId, productId: 'wallet-topup-1000', provider: 'yookassa' });
  await confirmPayment(t.db, {
    paymentId: topup.id,
    provider: 'yookassa',
    providerPaymentId: `yk-${topup.id}`,
    amount: topup.amount,
    currency: 'RUB',
    raw: {},
  });
  assert.equal(await balance(userId), 100_000n);
  const yookassa = {
    open: async () => ({ confirmationUrl: '' }),
    refund: async () => ({ providerRefundId: 'r' }),
  };
  await refundPayment(
    t.db,
    { yookassa },
    { staff: finance, paymentId: topup.id, amount: 50_000n, reason: 'half' },
  );
  assert.equal(await balance(userId), 50_000n);
  await assertBooksBalance(t.db);
});

test('a partner earns their share of a top-up once, not again when the wallet money is spent', async () => {
  const owner = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Partner' })).user.id;
  const staff = { id: owner, role: 'super_admin' as const };
  const { partner } = await createPartner(t.db, { staff, userId: owner, percent: 10 });
  const buyer = (
    await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'B' }, { referralCode: `p_${partner.code}` })
  ).user.id;
  const topup = await startCheckout(t.db, {
    userId: buyer,
    productId: 'wallet-topup-500',
    provider: 'yookassa',
  });
  await confirmPayment(t.db, {
    paymentId: topup.id,
    provider: 'yookassa',
    providerPaymentId: `yk-${topup.id}`,
    amount: topup.amount,
    currency: 'RUB',
    raw: {},
  });
  assert.equal(await balance(owner), 5_000n, '10% of 500 ₽');
  await payFromWallet(t.db, { userId: buyer, productId: PACK.id, key: 'partner-spend' });
  assert.equal(await balance(owner), 5_000n);
  assert.equal(await balance(buyer), 50_000n - PACK.rub);
  await assertBooksBalance(t.db);
});
