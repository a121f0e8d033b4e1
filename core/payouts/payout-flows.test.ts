import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Asset } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { createPartner } from '#core/referrals/create-partner.ts';
import { assertBooksBalance } from '#tests/support/ledger-books.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { approvePayout } from './approve-payout.ts';
import { payoutOptions } from './payout-options.ts';
import { parseRate, RATE_ONE } from './payout-rate.ts';
import { listPayoutRates } from './payout-rates.ts';
import { rejectPayout } from './reject-payout.ts';
import { requestPayout } from './request-payout.ts';
import { setPayoutRate } from './set-payout-rate.ts';

let t: TestDatabase;
let admin: TStaff;
let finance: TStaff;
before(async () => {
  t = await createTestDatabase();
  const staff = async (role: TStaff['role']) => ({
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: role })).user.id,
    role,
  });
  admin = await staff('admin');
  finance = await staff('finance');
});
after(() => t.drop());

const rate = (text: string) => parseRate(text) ?? 0n;
const newUser = async (opts: { payload?: string } = {}) => {
  const { user } = await touchUser(
    t.db,
    { id: uniqueTelegramId(), firstName: 'U' },
    { referralCode: opts.payload },
  );
  return t.db.user.update({
    where: { id: user.id },
    data: { email: `u${user.id}@example.com`, emailVerifiedAt: new Date() },
  });
};
const balance = async (userId: bigint, asset: Asset) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset } } }))?.balance ?? 0n;
const platform = async (code: string, asset: Asset) =>
  (await t.db.ledgerAccount.findUnique({ where: { code_asset: { code, asset } } }))?.balance ?? 0n;
/** A GPU owner's rental income as the marketplace will post it: an `earning` into their USD balance. */
const creditEarning = (userId: bigint, cents: bigint, key: string) =>
  t.db.$transaction((tx) =>
    postTransaction(tx, {
      key,
      type: 'earning',
      actor: { type: 'system' },
      reason: 'GPU rental',
      postings: [
        { account: { platform: 'revenue', asset: 'USD' }, amount: -cents },
        { account: { user: userId, asset: 'USD' }, amount: cents },
      ],
    }),
  );

test('a GPU owner withdraws USD earnings as USDT on TRON at finance’s rate; approval sends it out', async () => {
  const owner = await newUser();
  await creditEarning(owner.id, 25_000n, `gpu:${owner.id}:1`);
  assert.deepEqual(
    (await payoutOptions(t.db, owner.id)).balances.map((b) => [b.asset, b.available, b.methods.length]),
    [['USD', 25_000n, 0]],
    'no rate set: nothing is offered for USD yet',
  );
  await setPayoutRate(t.db, { staff: finance, asset: 'USD', currency: 'USDT', rate: rate('0.998') });
  const [usd] = (await payoutOptions(t.db, owner.id)).balances;
  assert.deepEqual(
    usd?.methods.map((m) => [m.method, m.rate, m.min]),
    [
      ['usdt_trc20', rate('0.998'), 1_003n],
      ['usdt_erc20', rate('0.998'), 2_005n],
    ],
    'only the USDT methods, with the least dollars that send 10 and 20 USDT',
  );

  const { request, balance: left } = await requestPayout(t.db, {
    userId: owner.id,
    asset: 'USD',
    method: 'usdt_trc20',
    destination: ' TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ',
    amount: 20_000n,
    expectedRate: rate('0.998'),
  });
  assert.equal(left, 5_000n);
  assert.deepEqual(
    [request.asset, request.amount, request.payoutCurrency, request.payoutAmount, request.destination],
    ['USD', 20_000n, 'USDT', 19_960n, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  );
  assert.equal(request.rate.toFixed(3), '0.998');
  assert.equal(await platform('payouts_in_flight', 'USD'), 20_000n);
  await assertBooksBalance(t.db);

  // A later rate change does not touch a request already made.
  await setPayoutRate(t.db, { staff: finance, asset: 'USD', currency: 'USDT', rate: rate('0.9') });
  const paid = await approvePayout(t.db, { staff: finance, requestId: request.id });
  assert.deepEqual([paid.status, paid.payoutAmount, paid.decidedById], ['paid', 19_960n, finance.id]);
  assert.equal(await balance(owner.id, 'USD'), 5_000n);
  assert.equal(await platform('payouts_in_flight', 'USD'), 0n);
  assert.equal(await platform('external:payouts', 'USD'), 20_000n);
  const keys = await t.db.ledgerTransaction.findMany({
    where: { idempotencyKey: { startsWith: `payout:${request.id}:` } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    keys.map((k) => k.idempotencyKey),
    [`payout:${request.id}:request`, `payout:${request.id}:paid`],
  );
  await assertBooksBalance(t.db);
});

test('a former partner is paid Stars commission to a card in roubles at finance’s rate', async () => {
  const partnerUser = await newUser();
  const { partner } = await createPartner(t.db, { staff: admin, userId: partnerUser.id, percent: 50 });
  const buyer = await newUser({ payload: `p_${partner.code}` });
  for (let i = 0; i < 2; i++) {
    const payment = await startCheckout(t.db, {
      userId: buyer.id,
      productId: 'ai-sub-30d-max',
      provider: 'stars',
    });
    await confirmPayment(t.db, {
      paymentId: payment.id,
      provider: 'stars',
      providerPaymentId: `stars-${payment.id}`,
      amount: payment.amount,
      currency: 'XTR',
      raw: {},
    });
  }
  assert.equal(await balance(partnerUser.id, 'XTR'), 1_860n, '50% of two 1,860-Star purchases');
  // The partnership ends; what was earned stays theirs to withdraw.
  await t.db.partner.update({ where: { id: partner.id }, data: { disabledAt: new Date() } });
  await setPayoutRate(t.db, { staff: finance, asset: 'XTR', currency: 'RUB', rate: rate('1.3') });

  const { request } = await requestPayout(t.db, {
    userId: partnerUser.id,
    asset: 'XTR',
    method: 'card_rub',
    destination: '4111 1111 1111 1111',
    amount: 1_000n,
  });
  assert.deepEqual(
    [request.payoutCurrency, request.payoutAmount, request.destination],
    ['RUB', 130_000n, '4111111111111111'],
    '1,000 Stars at 1.3 ₽ send 1,300 ₽',
  );
  await approvePayout(t.db, { staff: finance, requestId: request.id });
  assert.equal(await balance(partnerUser.id, 'XTR'), 860n);
  assert.equal(await platform('external:payouts', 'XTR'), 1_000n);
  assert.equal(await platform('payouts_in_flight', 'XTR'), 0n);
  const audit = await t.db.auditLog.findMany({
    where: { targetUserId: partnerUser.id, action: { startsWith: 'payout.' } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    audit.map((a) => a.action),
    ['payout.request', 'payout.approve'],
  );
  assert.equal((audit[0]?.after as Record<string, string> | undefined)?.payoutAmount, '130000');
  await assertBooksBalance(t.db);
});

test('a rejection returns the money; approve and reject pressed together decide once', async () => {
  const owner = await newUser();
  await creditEarning(owner.id, 100_000n, `gpu:${owner.id}:1`);
  await setPayoutRate(t.db, { staff: finance, asset: 'USD', currency: 'RUB', rate: rate('90') });
  const sbp = {
    userId: owner.id,
    asset: 'USD' as const,
    method: 'sbp_rub' as const,
    destination: '8 (999) 123-45-67',
    bankName: 'Т-Банк',
  };
  const first = await requestPayout(t.db, { ...sbp, amount: 40_000n });
  const second = await requestPayout(t.db, { ...sbp, amount: 60_000n });
  assert.deepEqual(
    [first.request.destination, first.request.bankName, first.request.payoutAmount],
    ['+79991234567', 'Т-Банк', 3_600_000n],
  );
  assert.equal(await balance(owner.id, 'USD'), 0n);

  await assert.rejects(
    approvePayout(t.db, { staff: { ...admin, role: 'support' }, requestId: first.request.id }),
    (e) => isAppError(e, 'FORBIDDEN'),
  );
  const raced = await Promise.allSettled([
    approvePayout(t.db, { staff: finance, requestId: first.request.id }),
    rejectPayout(t.db, { staff: admin, requestId: first.request.id, reason: 'double' }),
  ]);
  assert.equal(raced.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok(raced.some((r) => r.status === 'rejected' && isAppError(r.reason, 'PAYOUT_NOT_PENDING')));
  const firstPaid =
    (await t.db.payoutRequest.findUniqueOrThrow({ where: { id: first.request.id } })).status === 'paid';

  const rejected = await rejectPayout(t.db, {
    staff: finance,
    requestId: second.request.id,
    reason: 'wrong bank',
  });
  assert.deepEqual(
    [rejected.status, rejected.rejectReason, rejected.userId],
    ['rejected', 'wrong bank', owner.id],
  );
  await assert.rejects(
    rejectPayout(t.db, { staff: finance, requestId: second.request.id, reason: 'again' }),
    (e) => isAppError(e, 'PAYOUT_NOT_PENDING'),
  );
  assert.equal(await balance(owner.id, 'USD'), firstPaid ? 60_000n : 100_000n, 'the rejected amount is back');
  assert.equal(await platform('payouts_in_flight', 'USD'), 0n);
  await assertBooksBalance(t.db);
});

test('rates: finance sets, changes and withdraws them, audited; others and rates in a balance’s own currency are refused', async () => {
  await assert.rejects(
    setPayoutRate(t.db, { staff: { ...admin, role: 'support' }, asset: 'RUB', currency: 'BTC', rate: 1n }),
    (e) => isAppError(e, 'FORBIDDEN'),
  );
  for (const bad of [
    { asset: 'RUB' as const, currency: 'RUB' as const },
    { asset: 'TOKEN' as const, currency: 'RUB' as const },
  ]) {
    await assert.rejects(setPayoutRate(t.db, { staff: finance, ...bad, rate: RATE_ONE }), (e) =>
      isAppError(e, 'INVALID_INPUT'),
    );
  }
  await setPayoutRate(t.db, { staff: finance, asset: 'RUB', currency: 'BTC', rate: rate('0.00000011') });
  const changed = await setPayoutRate(t.db, {
    staff: admin,
    asset: 'RUB',
    currency: 'BTC',
    rate: rate('0.00000012'),
  });
  assert.deepEqual(changed, { before: rate('0.00000011'), after: rate('0.00000012') });
  assert.equal((await listPayoutRates(t.db)).find((r) => r.asset === 'RUB')?.rate, rate('0.00000012'));
  await setPayoutRate(t.db, { staff: finance, asset: 'RUB', currency: 'BTC', rate: null });
  assert.equal(
    (await listPayoutRates(t.db)).find((r) => r.asset === 'RUB'),
    undefined,
  );
  const audit = await t.db.auditLog.findMany({ where: { action: 'payout.rate' }, orderBy: { id: 'asc' } });
  assert.deepEqual(
    audit
      .filter((a) => (a.after as { asset: string }).asset === 'RUB')
      .map((a) => (a.after as { rate: string }).rate),
    ['0.00000011', '0.00000012', null],
  );
});
