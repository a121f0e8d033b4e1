import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Payment } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { claimPromoCode } from './claim-promo-code.ts';
import { createPromoCode, type TNewPromoCode } from './create-promo-code.ts';
import { disablePromoCode } from './disable-promo-code.ts';

let t: TestDatabase;
let admin: TStaff;
before(async () => {
  t = await createTestDatabase();
  admin = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Adm' })).user.id,
    role: 'admin',
  };
});
after(() => t.drop());

let codes = 0;
// Omit over each member of the union, so each kind keeps its own fields.
type TOmitCode<T> = T extends unknown ? Omit<T, 'code'> : never;
type TWithoutCode = TOmitCode<TNewPromoCode>;
const newCode = (promo: TWithoutCode, now?: Date) =>
  createPromoCode(t.db, {
    staff: admin,
    promo: { code: `code-${process.pid}-${codes++}`, ...promo } as TNewPromoCode,
    now,
  });
const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'U' })).user.id;
const tokens = async (userId: bigint) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'TOKEN' } } }))?.balance ??
  0n;
const refusal = (reason: string) => (e: unknown) =>
  isAppError(e, 'PROMO_REFUSED') && e.details.reason === reason;
const pay = (payment: Payment) =>
  confirmPayment(t.db, {
    paymentId: payment.id,
    provider: payment.provider,
    providerPaymentId: `charge-${payment.id}`,
    amount: payment.amount,
    currency: payment.currency,
    raw: {},
  });

test('a bonus code credits tokens at once, records the redemption, and respects the per-user limit', async () => {
  const promo = await newCode({ kind: 'bonus_tokens', bonusTokens: 5_000n, perUserLimit: 2 });
  const userId = await newUser();
  const first = await claimPromoCode(t.db, { userId, code: ` ${promo.code.toLowerCase()} ` });
  assert.equal(first.kind, 'bonus');
  assert.deepEqual(first.kind === 'bonus' && [first.tokens, first.balance], [5_000n, 5_000n]);
  await claimPromoCode(t.db, { userId, code: promo.code });
  await assert.rejects(claimPromoCode(t.db, { userId, code: promo.code }), refusal('already_used'));
  assert.equal(await tokens(userId), 10_000n);
  const keys = await t.db.ledgerTransaction.findMany({
    where: { idempotencyKey: { startsWith: `promo:${promo.id}:` } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    keys.map((k) => [k.idempotencyKey, k.type]),
    [
      [`promo:${promo.id}:${userId}:1`, 'bonus'],
      [`promo:${promo.id}:${userId}:2`, 'bonus'],
    ],
  );
  const grant = await t.db.tokenGrant.findFirstOrThrow({ where: { account: { userId } } });
  assert.deepEqual([grant.source, grant.expiresAt], ['promo', null]);
  const redemptions = await t.db.promoRedemption.findMany({ where: { promoCodeId: promo.id } });
  assert.deepEqual(
    redemptions.map((r) => r.transactionId),
    keys.map((k) => k.id),
  );
  assert.equal((await t.db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionsCount, 2);
});

test('20 people redeeming a code with 5 uses at once: exactly 5 get the tokens', async () => {
  const promo = await newCode({ kind: 'bonus_tokens', bonusTokens: 1_000n, maxRedemptions: 5 });
  const users = await Promise.all(Array.from({ length: 20 }, newUser));
  const results = await Promise.allSettled(
    users.map((userId) => claimPromoCode(t.db, { userId, code: promo.code })),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r) => r.status === 'rejected');
  assert.equal(won.length, 5);
  assert.ok(
    lost.every((r) => refusal('exhausted')(r.reason)),
    'the others are told the code is used up',
  );
  assert.equal((await t.db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionsCount, 5);
  assert.equal(await t.db.promoRedemption.count({ where: { promoCodeId: promo.id } }), 5);
  const credited = await Promise.all(users.map(tokens));
  assert.equal(
    credited.reduce((a, b) => a + b, 0n),
    5_000n,
  );
});

test('expired, disabled, unknown and first-purchase-only codes are refused with their reason', async () => {
  const userId = await newUser();
  const created = new Date(Date.now() - 3_600_000);
  const expiring = await newCode(
    { kind: 'bonus_tokens', bonusTokens: 10n, expiresAt: new Date(Date.now() - 1000) },
    created,
  );
  await assert.rejects(claimPromoCode(t.db, { userId, code: expiring.code }), refusal('expired'));
  const disabled = await newCode({ kind: 'bonus_tokens', bonusTokens: 10n });
  await disablePromoCode(t.db, { staff: admin, code: disabled.code });
  await assert.rejects(claimPromoCode(t.db, { userId, code: disabled.code }), refusal('disabled'));
  await assert.rejects(claimPromoCode(t.db, { userId, code: 'NOSUCHCODE' }), refusal('not_found'));
  await assert.rejects(claimPromoCode(t.db, { userId, code: 'not a code!' }), refusal('not_found'));

  const welcome = await newCode({ kind: 'bonus_tokens', bonusTokens: 10n, firstPurchaseOnly: true });
  const buyer = await newUser();
  await pay(await startCheckout(t.db, { userId: buyer, productId: 'pack-150k', provider: 'stars' }));
  await assert.rejects(
    claimPromoCode(t.db, { userId: buyer, code: welcome.code }),
    refusal('first_purchase_only'),
  );
  await claimPromoCode(t.db, { userId, code: welcome.code });
  assert.equal(await tokens(userId), 10n);
  assert.equal(
    await t.db.promoRedemption.count({ where: { promoCodeId: { in: [expiring.id, disabled.id] } } }),
    0,
  );
});

test('a discount is claimed, shown at checkout, and redeemed only when the payment succeeds', async () => {
  const promo = await newCode({ kind: 'percent_discount', percentOff: 50, productId: 'pack-150k' });
  const userId = await newUser();
  const claim = await claimPromoCode(t.db, { userId, code: promo.code });
  assert.equal(claim.kind, 'discount');
  assert.equal(await t.db.promoRedemption.count({ where: { promoCodeId: promo.id } }), 0);

  const other = await startCheckout(t.db, { userId, productId: 'pack-1m', provider: 'stars' });
  assert.deepEqual([other.discount, other.promoCodeId], [0n, null], 'another product pays full price');
  const abandoned = await startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'stars' });
  assert.deepEqual([abandoned.amount, abandoned.discount, abandoned.promoCodeId], [50n, 50n, promo.id]);
  assert.equal(await t.db.promoRedemption.count({ where: { promoCodeId: promo.id } }), 0, 'not burnt yet');

  const payment = await startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'yookassa' });
  assert.deepEqual([payment.amount, payment.discount], [7_450n, 7_450n]);
  await pay(payment);
  const redemption = await t.db.promoRedemption.findFirstOrThrow({ where: { promoCodeId: promo.id } });
  assert.deepEqual([redemption.userId, redemption.paymentId], [userId, payment.id]);
  assert.equal((await t.db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionsCount, 1);
  assert.equal(await t.db.promoClaim.count({ where: { userId } }), 0, 'the claim is consumed');
  assert.equal(await tokens(userId), 150_000n, 'the product is delivered in full');
  const after = await startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'stars' });
  assert.equal(after.amount, 100n, 'the next purchase is at full price');
});

test('a discount code that ran out, or that the user already used, no longer lowers a price', async () => {
  const promo = await newCode({
    kind: 'fixed_discount',
    amountOff: 5_000n,
    currency: 'RUB',
    maxRedemptions: 1,
  });
  const [a, b] = [await newUser(), await newUser()];
  await claimPromoCode(t.db, { userId: a, code: promo.code });
  await claimPromoCode(t.db, { userId: b, code: promo.code });
  const stars = await startCheckout(t.db, { userId: a, productId: 'pack-150k', provider: 'stars' });
  assert.equal(stars.discount, 0n, 'a rouble discount does not apply to Stars');
  await pay(await startCheckout(t.db, { userId: a, productId: 'pack-150k', provider: 'yookassa' }));
  const late = await startCheckout(t.db, { userId: b, productId: 'pack-150k', provider: 'yookassa' });
  assert.deepEqual([late.amount, late.promoCodeId], [14_900n, null]);
  await assert.rejects(claimPromoCode(t.db, { userId: b, code: promo.code }), refusal('exhausted'));
});

test('creating codes: money.adjust only, audited, unique, validated', async () => {
  const support: TStaff = { id: admin.id, role: 'support' };
  const promo: TNewPromoCode = { code: `AUDIT${process.pid}`, kind: 'percent_discount', percentOff: 20 };
  await assert.rejects(createPromoCode(t.db, { staff: support, promo }), (e) => isAppError(e, 'FORBIDDEN'));
  const created = await createPromoCode(t.db, { staff: admin, promo });
  const audit = await t.db.auditLog.findFirstOrThrow({
    where: { action: 'promo.create', actorId: admin.id, after: { path: ['code'], equals: created.code } },
  });
  assert.equal((audit.after as { percentOff: number }).percentOff, 20);
  await assert.rejects(
    createPromoCode(t.db, { staff: admin, promo: { ...promo, code: promo.code.toLowerCase() } }),
    (e) => isAppError(e, 'PROMO_CODE_TAKEN'),
  );
  await assert.rejects(
    createPromoCode(t.db, { staff: admin, promo: { ...promo, code: 'OTHER1', percentOff: 101 } }),
    (e) => isAppError(e, 'INVALID_INPUT'),
  );
  await assert.rejects(
    createPromoCode(t.db, { staff: admin, promo: { ...promo, code: 'OTHER2', productId: 'nope' } }),
    (e) => isAppError(e, 'PRODUCT_NOT_FOUND'),
  );
});
