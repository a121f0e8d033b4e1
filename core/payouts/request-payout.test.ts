import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { payFromWallet } from '#core/payments/wallet/pay-from-wallet.ts';
import { assertBooksBalance } from '#tests/support/ledger-books.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { parseRate } from './payout-rate.ts';
import { requestPayout, type TRequestPayout } from './request-payout.ts';
import { setPayoutRate } from './set-payout-rate.ts';

let t: TestDatabase;
let finance: TStaff;
before(async () => {
  t = await createTestDatabase();
  finance = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Fin' })).user.id,
    role: 'finance',
  };
  await setPayoutRate(t.db, {
    staff: finance,
    asset: 'USD',
    currency: 'USDT',
    rate: parseRate('0.998') ?? 0n,
  });
  await setPayoutRate(t.db, { staff: finance, asset: 'XTR', currency: 'RUB', rate: parseRate('1.3') ?? 0n });
});
after(() => t.drop());

/** A user holding `usd` cents of earnings and `rub` kopecks, with a verified email unless told otherwise. */
const holder = async (opts: { usd?: bigint; rub?: bigint; email?: boolean } = {}) => {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'H' });
  if (opts.email !== false)
    await t.db.user.update({
      where: { id: user.id },
      data: { email: `h${user.id}@example.com`, emailVerifiedAt: new Date() },
    });
  const credits = [
    ['USD', opts.usd ?? 0n],
    ['RUB', opts.rub ?? 0n],
  ] as const;
  for (const [asset, amount] of credits) {
    if (amount === 0n) continue;
    await t.db.$transaction((tx) =>
      postTransaction(tx, {
        key: `test:${user.id}:${asset}`,
        type: asset === 'USD' ? 'earning' : 'commission',
        actor: { type: 'system' },
        reason: 'test credit',
        postings: [
          { account: { platform: 'revenue', asset }, amount: -amount },
          { account: { user: user.id, asset }, amount },
        ],
      }),
    );
  }
  return user.id;
};

/** Everything a refusal must leave as it was. */
const snapshot = async () => ({
  requests: await t.db.payoutRequest.count(),
  audit: await t.db.auditLog.count({ where: { action: 'payout.request' } }),
  accounts: (await t.db.ledgerAccount.findMany({ orderBy: { id: 'asc' } })).map(
    (a) => `${a.id}:${a.balance}`,
  ),
  transactions: await t.db.ledgerTransaction.count(),
});

const refused = async (input: TRequestPayout, code: TAppErrorCode, details?: Record<string, string>) => {
  const before = await snapshot();
  await assert.rejects(requestPayout(t.db, input), (e) => {
    assert.ok(isAppError(e, code), `${code} expected, got ${String(e)}`);
    for (const [key, value] of Object.entries(details ?? {})) assert.equal(e.details[key], value, key);
    return true;
  });
  assert.deepEqual(await snapshot(), before, `${code} changed nothing`);
  await assertBooksBalance(t.db);
};

const trc20 = { method: 'usdt_trc20' as const, destination: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' };

test('refusals name their reason and change nothing', async () => {
  const userId = await holder({ usd: 50_000n, rub: 60_000n });
  const usd = { userId, asset: 'USD' as const, ...trc20 };
  // Below the minimum: 10 USDT at 0.998 takes $10.03; the error names both.
  await refused({ ...usd, amount: 1_002n }, 'PAYOUT_TOO_SMALL', {
    min: '10.03',
    asset: 'USD',
    sent: '10.00',
    currency: 'USDT',
  });
  await refused(
    { ...usd, amount: 10_000n, destination: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj7t' },
    'PAYOUT_DESTINATION_INVALID',
    {
      method: 'usdt_trc20',
      field: 'destination',
    },
  );
  await refused(
    {
      ...usd,
      method: 'usdt_erc20',
      amount: 10_000n,
      destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
    },
    'PAYOUT_DESTINATION_INVALID',
  );
  await refused(
    { userId, asset: 'RUB', method: 'sbp_rub', destination: '+79991234567', bankName: '', amount: 50_000n },
    'PAYOUT_DESTINATION_INVALID',
    { field: 'bankName' },
  );
  // No USD→BTC rate: the method is not offered for dollars.
  await refused(
    { ...usd, method: 'btc', destination: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', amount: 10_000n },
    'PAYOUT_METHOD_UNAVAILABLE',
    { asset: 'USD', method: 'btc' },
  );
  await refused({ ...usd, amount: 50_001n }, 'INSUFFICIENT_FUNDS');
  await refused({ ...usd, amount: 10_000n, expectedRate: parseRate('1') ?? 0n }, 'PAYOUT_RATE_CHANGED', {
    rate: '0.998',
  });
  await refused({ ...usd, asset: 'TOKEN', amount: 10_000n }, 'INVALID_INPUT');
  await refused({ ...usd, amount: 0n }, 'INVALID_INPUT');
  await refused(
    { userId, asset: 'RUB', method: 'card_rub', destination: '4111 1111 1111 1111', amount: 49_999n },
    'PAYOUT_TOO_SMALL',
    { min: '500.00', asset: 'RUB' },
  );

  const noEmail = await holder({ usd: 50_000n, email: false });
  await refused({ ...usd, userId: noEmail, amount: 10_000n }, 'EMAIL_REQUIRED');
  const banned = await holder({ usd: 50_000n });
  await t.db.user.update({ where: { id: banned }, data: { status: 'banned', bannedAt: new Date() } });
  await refused({ ...usd, userId: banned, amount: 10_000n }, 'USER_BANNED');
  const stars = await holder();
  await refused(
    { userId: stars, asset: 'XTR', method: 'card_rub', destination: '4111111111111111', amount: 1_000n },
    'INSUFFICIENT_FUNDS',
  );
});

test('two requests for the whole balance at once: one succeeds, the other is refused and leaves nothing', async () => {
  const userId = await holder({ usd: 30_000n });
  const whole = { userId, asset: 'USD' as const, ...trc20, amount: 30_000n };
  const results = await Promise.allSettled([requestPayout(t.db, whole), requestPayout(t.db, whole)]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const failure = results.find((r) => r.status === 'rejected');
  assert.ok(failure && isAppError(failure.reason, 'INSUFFICIENT_FUNDS'));
  assert.equal(await t.db.payoutRequest.count({ where: { userId } }), 1, 'no request row left by the loser');
  const account = await t.db.ledgerAccount.findUniqueOrThrow({
    where: { userId_asset: { userId, asset: 'USD' } },
  });
  assert.equal(account.balance, 0n);
  assert.equal(await t.db.auditLog.count({ where: { action: 'payout.request', actorId: userId } }), 1);
  await assertBooksBalance(t.db);
});

test('money topped up into the wallet is spent first and never paid out; earned money stays withdrawable', async () => {
  // 1,000 ₽ earned (commission), then 1,000 ₽ topped up with Stars, then a 149 ₽ purchase from the wallet.
  const userId = await holder({ rub: 100_000n });
  const topup = await startCheckout(t.db, { userId, productId: 'wallet-topup-1000', provider: 'stars' });
  await confirmPayment(t.db, {
    paymentId: topup.id,
    provider: 'stars',
    providerPaymentId: `charge-${topup.id}`,
    amount: topup.amount,
    currency: 'XTR',
    raw: {},
  });
  await payFromWallet(t.db, { userId, productId: 'pack-150k', key: `pack-${userId}` });
  const card = {
    userId,
    asset: 'RUB' as const,
    method: 'card_rub' as const,
    destination: '4111 1111 1111 1111',
  };
  // Balance 1,851 ₽, of which 851 ₽ is unspent top-up: 1,000 ₽ can leave, not a kopeck more.
  await assert.rejects(
    requestPayout(t.db, { ...card, amount: 100_001n }),
    (e) => isAppError(e, 'PAYOUT_TOPUP_NOT_WITHDRAWABLE') && e.details.available === '1000.00',
  );
  const { balance } = await requestPayout(t.db, { ...card, amount: 100_000n });
  assert.equal(balance, 85_100n, 'the top-up stays in the wallet for purchases');
  await assertBooksBalance(t.db);
});
