import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Payment } from '#core/db/generated/client.ts';
import { AppError, isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { claimPromoCode } from '#core/referrals/claim-promo-code.ts';
import { createPromoCode } from '#core/referrals/create-promo-code.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { openCheckout, type TOpenCheckoutInput } from './open-checkout.ts';
import type { PaymentGateway } from './payment-gateway.ts';

const translator = loadTranslator(LOCALES_DIR);

/** A provider that records what it opened; `refuse` makes the next open throw what it is given. */
function fakeProvider() {
  const opened: {
    paymentId: bigint;
    description: string;
    lang: string;
    returnUrl: string;
    email?: string | null;
  }[] = [];
  let refusal: unknown = null;
  const gateway: PaymentGateway = {
    async open(payment, opts) {
      if (refusal !== null) {
        const error = refusal;
        refusal = null;
        throw error;
      }
      opened.push({ paymentId: payment.id, ...opts });
      return { providerPaymentId: `yk-${payment.id}`, confirmationUrl: `https://pay.example/${payment.id}` };
    },
    async refund() {
      throw new Error('not in these tests');
    },
  };
  return { gateway, opened, refuse: (error: unknown) => (refusal = error) };
}

let t: TestDatabase;
const yookassa = fakeProvider();
const logged: unknown[] = [];
const logger = { error: (obj: unknown) => void logged.push(obj) };
let deps: Parameters<typeof openCheckout>[0];
let userId: bigint;

before(async () => {
  t = await createTestDatabase();
  deps = { db: t.db, gateways: { yookassa: yookassa.gateway }, translator, logger };
  userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Buyer' })).user.id;
});
after(() => t.drop());

const input = (over: Partial<TOpenCheckoutInput> = {}): TOpenCheckoutInput => ({
  userId,
  productId: 'pack-150k',
  provider: 'yookassa',
  lang: 'ru',
  returnUrl: 'https://t.me/polygram_bot',
  email: 'buyer@example.com',
  ...over,
});
const paymentsOf = (user: bigint): Promise<Payment[]> =>
  t.db.payment.findMany({ where: { userId: user }, orderBy: { id: 'asc' } });

test('opens the provider’s side with the title in the buyer’s language and records what it returned', async () => {
  const { payment, confirmationUrl } = await openCheckout(deps, input());
  assert.equal(confirmationUrl, `https://pay.example/${payment.id}`);
  const stored = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
  assert.deepEqual(
    [stored.status, stored.amount, stored.currency, stored.confirmationUrl, stored.providerPaymentId],
    ['pending', 14_900n, 'RUB', confirmationUrl, `yk-${payment.id}`],
  );
  assert.deepEqual(yookassa.opened.at(-1), {
    paymentId: payment.id,
    description: translator.t('ru', 'product-pack-150k'),
    lang: 'ru',
    returnUrl: 'https://t.me/polygram_bot',
    email: 'buyer@example.com',
  });
});

test('a claimed discount code is in the price the provider is asked for', async () => {
  const buyer = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Promo' })).user.id;
  const admin: TStaff = { id: userId, role: 'super_admin' };
  const code = `HALF${process.pid}`;
  await createPromoCode(t.db, { staff: admin, promo: { code, kind: 'percent_discount', percentOff: 50 } });
  await claimPromoCode(t.db, { userId: buyer, code });
  const { payment } = await openCheckout(deps, input({ userId: buyer }));
  assert.deepEqual([payment.amount, payment.discount], [7_450n, 7_450n]);
});

test('an unknown product, a method not configured or not taking the currency: refused before any row', async () => {
  const before = (await paymentsOf(userId)).length;
  const opened = yookassa.opened.length;
  const refusals: [Partial<TOpenCheckoutInput>, TAppErrorCode][] = [
    [{ productId: 'no-such-product' }, 'PRODUCT_NOT_FOUND'],
    [{ provider: 'cryptobot' }, 'CURRENCY_NOT_SUPPORTED'],
    [{ provider: 'stars' }, 'CURRENCY_NOT_SUPPORTED'],
    [{ productId: 'bundle-small' }, 'CURRENCY_NOT_SUPPORTED'],
  ];
  for (const [over, code] of refusals)
    await assert.rejects(openCheckout(deps, input(over)), (e) => isAppError(e, code), code);
  assert.equal((await paymentsOf(userId)).length, before);
  assert.equal(yookassa.opened.length, opened, 'the provider was not asked');
});

test('a banned buyer is refused with the reason and the provider is not asked', async () => {
  const banned = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Ban' })).user.id;
  await t.db.user.update({ where: { id: banned }, data: { status: 'banned', banReason: 'fraud' } });
  const opened = yookassa.opened.length;
  await assert.rejects(
    openCheckout(deps, input({ userId: banned })),
    (e) => isAppError(e, 'USER_BANNED') && e.details.reason === 'fraud',
  );
  assert.equal(yookassa.opened.length, opened);
});

test('a provider that fails cancels the payment and is PROVIDER_ERROR; its own coded refusal passes', async () => {
  yookassa.refuse(new Error('connection reset'));
  await assert.rejects(openCheckout(deps, input()), (e) => isAppError(e, 'PROVIDER_ERROR'));
  const failed = (await paymentsOf(userId)).at(-1);
  assert.equal(failed?.status, 'canceled');
  assert.match(failed?.failureReason ?? '', /connection reset/);
  assert.equal(failed?.confirmationUrl, null);
  assert.equal(logged.length, 1, 'an unexpected failure is logged');

  yookassa.refuse(new AppError('INVALID_INPUT', { reason: 'email' }));
  await assert.rejects(openCheckout(deps, input()), (e) => isAppError(e, 'INVALID_INPUT'));
  assert.equal((await paymentsOf(userId)).at(-1)?.status, 'canceled');
  assert.equal(logged.length, 1, 'a coded refusal is the caller’s to show, not a failure to log');
});
