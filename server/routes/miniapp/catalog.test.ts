import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Payment } from '#core/db/generated/client.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { ZCatalogSchema, ZCheckoutSchema, ZPaymentStatusSchema } from '#server/contracts/catalog.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

type TOpened = { payment: Payment; description: string; returnUrl: string };

/** A provider that records what it was asked to open; `failNext` makes the next open throw. */
function fakeGateway(answer: (payment: Payment) => { providerPaymentId?: string; confirmationUrl: string }) {
  const opened: TOpened[] = [];
  let failNext = false;
  const gateway: PaymentGateway = {
    async open(payment, opts) {
      if (failNext) {
        failNext = false;
        throw new Error('provider down');
      }
      opened.push({ payment, description: opts.description, returnUrl: opts.returnUrl });
      return answer(payment);
    },
    async refund() {
      throw new Error('not in these tests');
    },
  };
  return { gateway, opened, failOnce: () => (failNext = true) };
}

const stars = fakeGateway((p) => ({ confirmationUrl: `https://t.me/$invoice${p.id}` }));
const yookassa = fakeGateway((p) => ({
  providerPaymentId: `yk-${p.id}`,
  confirmationUrl: `https://yookassa.example/confirm/${p.id}`,
}));

let server: MiniAppTestServer;
let userId: bigint;
before(async () => {
  // Crypto Pay is not configured here: it must not be offered, nor accepted at checkout.
  server = await startMiniAppTestServer({ stars: stars.gateway, yookassa: yookassa.gateway });
  userId = (await touchUser(server.database.db, { id: uniqueTelegramId(), firstName: 'Buyer' })).user.id;
  await server.database.db.user.update({ where: { id: userId }, data: { language: 'ru' } });
});
after(() => server?.close());

const checkout = (body: unknown, user = userId) =>
  server.app.inject({
    method: 'POST',
    url: '/api/checkout',
    payload: body as object,
    headers: server.auth({ id: user }),
  });
const paymentsOf = (user: bigint) => server.database.db.payment.findMany({ where: { userId: user } });

describe('GET /api/catalog', () => {
  test('every product on its shelf, priced only in the providers that are configured', async () => {
    const response = await server.app.inject({ url: '/api/catalog', headers: server.auth({ id: userId }) });
    assert.equal(response.statusCode, 200);
    const { products } = ZCatalogSchema.parse(response.json());
    const byId = new Map(products.map((p) => [p.id, p]));
    assert.deepEqual(byId.get('pack-150k'), {
      id: 'pack-150k',
      category: 'ai-packs',
      titleKey: 'product-pack-150k',
      prices: [
        { provider: 'stars', amount: '100', currency: 'XTR' },
        { provider: 'yookassa', amount: '14900', currency: 'RUB' },
      ],
    });
    assert.equal(byId.get('ai-sub-7d')?.category, 'ai-plans');
    assert.equal(byId.get('ai-unlimited-1d')?.category, 'ai-plans');
    // Dollar-priced bundles: YooKassa takes roubles only, and Crypto Pay is not configured.
    assert.deepEqual(byId.get('bundle-small')?.prices, [
      { provider: 'stars', amount: '750', currency: 'XTR' },
    ]);
    assert.equal(byId.get('bundle-small')?.category, 'video-bundles');
    assert.ok(products.every((p) => p.prices.every((price) => price.provider !== 'cryptobot')));
  });

  test('a claimed discount code shows in the prices, and the checkout charges exactly what was shown', async () => {
    const db = server.database.db;
    const buyer = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Saver' })).user.id;
    const staff = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Staff' })).user.id;
    await db.promoCode.create({
      data: {
        code: 'PACK30',
        kind: 'percent_discount',
        percentOff: 30,
        productId: 'pack-150k',
        createdById: staff,
      },
    });
    await db.promoClaim.create({
      data: {
        userId: buyer,
        promoCodeId: (await db.promoCode.findUniqueOrThrow({ where: { code: 'PACK30' } })).id,
      },
    });
    const response = await server.app.inject({ url: '/api/catalog', headers: server.auth({ id: buyer }) });
    const catalog = ZCatalogSchema.parse(response.json());
    assert.equal(catalog.promoCode, 'PACK30');
    const byId = new Map(catalog.products.map((p) => [p.id, p]));
    assert.deepEqual(byId.get('pack-150k')?.prices, [
      { provider: 'stars', amount: '70', currency: 'XTR', fullAmount: '100' },
      { provider: 'yookassa', amount: '10430', currency: 'RUB', fullAmount: '14900' },
    ]);
    // The code is for one product: the others keep their list price.
    assert.deepEqual(byId.get('pack-250k')?.prices[0], { provider: 'stars', amount: '185', currency: 'XTR' });
    const paid = await checkout({ productId: 'pack-150k', provider: 'yookassa' }, buyer);
    const payment = await db.payment.findUniqueOrThrow({
      where: { id: BigInt(ZCheckoutSchema.parse(paid.json()).paymentId) },
    });
    assert.deepEqual([payment.amount, payment.discount], [10_430n, 4_470n]);
  });
});

describe('POST /api/checkout', () => {
  test('Stars: a pending payment at the Stars price and the invoice link, titled in the user’s language', async () => {
    const response = await checkout({ productId: 'pack-150k', provider: 'stars' });
    assert.equal(response.statusCode, 200, response.body);
    const result = ZCheckoutSchema.parse(response.json());
    const payment = await server.database.db.payment.findUniqueOrThrow({
      where: { id: BigInt(result.paymentId) },
    });
    assert.deepEqual(
      {
        status: payment.status,
        amount: payment.amount,
        currency: payment.currency,
        provider: payment.provider,
      },
      { status: 'pending', amount: 100n, currency: 'XTR', provider: 'stars' },
    );
    assert.equal(result.url, `https://t.me/$invoice${payment.id}`);
    assert.equal(result.provider, 'stars');
    assert.equal(payment.confirmationUrl, result.url);
    assert.equal(stars.opened.at(-1)?.description, '150 000 токенов · навсегда');
    assert.equal(stars.opened.at(-1)?.returnUrl, 'https://t.me/polygram_test_bot');

    const status = await server.app.inject({
      url: `/api/checkout/${result.paymentId}`,
      headers: server.auth({ id: userId }),
    });
    assert.deepEqual(ZPaymentStatusSchema.parse(status.json()), {
      paymentId: result.paymentId,
      status: 'pending',
    });
  });

  test('YooKassa: the confirmation page, with the provider’s payment id stored', async () => {
    const response = await checkout({ productId: 'ai-sub-7d', provider: 'yookassa' });
    assert.equal(response.statusCode, 200, response.body);
    const result = ZCheckoutSchema.parse(response.json());
    const payment = await server.database.db.payment.findUniqueOrThrow({
      where: { id: BigInt(result.paymentId) },
    });
    assert.equal(result.url, `https://yookassa.example/confirm/${payment.id}`);
    assert.deepEqual(
      [payment.amount, payment.currency, payment.providerPaymentId],
      [9_800n, 'RUB', `yk-${payment.id}`],
    );
  });

  test('refusals: 404 for an unknown product, 400 for a method that is not available or a malformed body', async () => {
    const before = (await paymentsOf(userId)).length;
    const unknown = await checkout({ productId: 'no-such-product', provider: 'stars' });
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), {
      error: {
        code: 'PRODUCT_NOT_FOUND',
        message: 'Этот товар больше не продаётся. Обновите страницу и выберите другой.',
      },
    });
    for (const body of [
      { productId: 'bundle-small', provider: 'yookassa' },
      { productId: 'pack-150k', provider: 'cryptobot' },
    ]) {
      const refused = await checkout(body);
      assert.equal(refused.statusCode, 400, JSON.stringify(body));
      assert.equal(refused.json().error.code, 'CURRENCY_NOT_SUPPORTED');
      assert.match(refused.json().error.message, /способ оплаты недоступен/);
    }
    for (const body of [{ productId: 'pack-150k' }, { productId: 'Pack 150k!', provider: 'stars' }, 'x']) {
      const malformed = await checkout(body);
      assert.equal(malformed.statusCode, 400, JSON.stringify(body));
      assert.equal(malformed.json().error.code, 'INVALID_INPUT');
    }
    const brokenJson = await server.app.inject({
      method: 'POST',
      url: '/api/checkout',
      payload: '{"productId":',
      headers: { ...server.auth({ id: userId }), 'content-type': 'application/json' },
    });
    assert.equal(brokenJson.statusCode, 400, 'malformed JSON');
    assert.equal((await paymentsOf(userId)).length, before, 'no payment row for a refused checkout');
  });

  test('a provider that fails to open is a 502, not a 500', async () => {
    stars.failOnce();
    const response = await checkout({ productId: 'pack-150k', provider: 'stars' });
    assert.equal(response.statusCode, 502);
    assert.equal(response.json().error.code, 'PROVIDER_ERROR');
  });

  test('someone else’s payment is not found', async () => {
    const other = (await touchUser(server.database.db, { id: uniqueTelegramId(), firstName: 'Eve' })).user.id;
    const [mine] = await paymentsOf(userId);
    assert.ok(mine);
    const response = await server.app.inject({
      url: `/api/checkout/${mine.id}`,
      headers: server.auth({ id: other }),
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'PAYMENT_NOT_FOUND');
  });

  test('a banned user gets 403 and no payment is opened', async () => {
    const banned = (await touchUser(server.database.db, { id: uniqueTelegramId(), firstName: 'Ban' })).user
      .id;
    await server.database.db.user.update({
      where: { id: banned },
      data: { status: 'banned', banReason: 'spam', bannedAt: new Date() },
    });
    const opened = stars.opened.length;
    const response = await checkout({ productId: 'pack-150k', provider: 'stars' }, banned);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'USER_BANNED');
    assert.equal((await paymentsOf(banned)).length, 0);
    assert.equal(stars.opened.length, opened);
  });
});
