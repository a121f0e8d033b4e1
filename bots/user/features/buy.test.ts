import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { SHELVES } from '#core/catalog/products.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { createPromoCode } from '#core/referrals/create-promo-code.ts';
import { buttonTexts, type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

/** YooKassa as the bot sees it: a confirmation page per payment; `failOnce` makes the next open throw. */
let failNext = false;
const opened: bigint[] = [];
const yookassa: PaymentGateway = {
  async open(payment) {
    if (failNext) {
      failNext = false;
      throw new Error('connect ETIMEDOUT');
    }
    opened.push(payment.id);
    return {
      providerPaymentId: `yk-${payment.id}`,
      confirmationUrl: `https://yookassa.example/${payment.id}`,
    };
  },
  async refund() {
    throw new Error('not in these tests');
  },
};

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot({ gateways: { yookassa } });
});
after(() => t.close());

const ru = (key: string, args?: Record<string, string>) => t.translator.t('ru', key, args);
const paymentsOf = (userId: bigint) =>
  t.database.db.payment.findMany({ where: { userId }, orderBy: { id: 'asc' } });

test('/buy: shelves, then products with prices, then methods, then a Stars invoice in the chat', async () => {
  const user = await t.user({ lang: 'ru' });
  const shelves = onlyCall(await user.send('/buy'), 'sendMessage');
  assert.equal(shelves.text, 'Что хотите купить?');
  assert.deepEqual(
    buttonTexts(shelves),
    SHELVES.map((shelf) => [ru(`buy-category-${shelf}`)]),
  );

  const products = await user.press('🪙 Пакеты токенов');
  assert.deepEqual(onlyCall(products, 'answerCallbackQuery'), {
    callback_query_id: products[0]?.payload.callback_query_id,
  });
  const list = onlyCall(products, 'editMessageText');
  assert.equal(list.text, 'Выберите:');
  assert.deepEqual(buttonTexts(list)[0], ['150 000 токенов · навсегда · 149 ₽']);
  assert.deepEqual(buttonTexts(list).at(-1), ['← Назад']);

  const methods = onlyCall(await user.press(/^150 000 токенов/), 'editMessageText');
  assert.match(String(methods.text), /^<b>150 000 токенов · навсегда<\/b>\nКак удобнее оплатить\?/);
  assert.equal(methods.parse_mode, 'HTML');
  assert.deepEqual(buttonTexts(methods), [
    ['⭐ Telegram Stars · 100 ⭐'],
    ['💳 Банковская карта · 149 ₽'],
    ['💼 Кошелёк: не хватает 149 ₽ · пополнить'],
    ['← Назад'],
  ]);

  const paid = await user.press('⭐ Telegram Stars · 100 ⭐');
  const invoice = onlyCall(paid, 'sendInvoice');
  const [payment] = await paymentsOf(user.id);
  assert.ok(payment);
  assert.deepEqual(
    [invoice.title, invoice.currency, invoice.payload, invoice.prices, invoice.description],
    [
      'Покупка в Polygram',
      'XTR',
      `pay:${payment.id}`,
      [{ label: '150 000 токенов · навсегда', amount: 100 }],
      ru('product-pack-150k'),
    ],
  );
  assert.deepEqual(
    [payment.status, payment.provider, payment.amount, payment.currency, payment.confirmationUrl],
    ['pending', 'stars', 100n, 'XTR', 'https://t.me/polygram_offline_bot'],
  );
  assert.equal(onlyCall(paid, 'answerCallbackQuery').show_alert, undefined, 'no alert: all went well');
  assert.deepEqual(user.chat().at(-1)?.invoice, {
    currency: 'XTR',
    payload: `pay:${payment.id}`,
    total: 100,
  });
});

test('a bank card: a pay button to the provider’s page, with the discount of a claimed code', async () => {
  const user = await t.user({ lang: 'ru' });
  const admin: TStaff = { id: user.id, role: 'super_admin' };
  await createPromoCode(t.database.db, {
    staff: admin,
    promo: { code: `TEN${process.pid}`, kind: 'percent_discount', percentOff: 10 },
  });
  await user.send(`/promo TEN${process.pid}`);
  await user.send('/buy');
  await user.press('🪙 Пакеты токенов');
  const methods = onlyCall(await user.press(/^150 000 токенов/), 'editMessageText');
  assert.deepEqual(buttonTexts(methods)[1], ['💳 Банковская карта · 134,10 ₽ вместо 149 ₽']);
  assert.deepEqual(
    buttonTexts(methods)[2],
    ['💼 Кошелёк: не хватает 134,10 ₽ · пополнить'],
    'the wallet too',
  );
  assert.match(String(methods.text), new RegExp(`промокод TEN${process.pid}: цены ниже уже со скидкой`));

  const reply = onlyCall(await user.press(/Банковская карта/), 'sendMessage');
  const [payment] = await paymentsOf(user.id);
  assert.ok(payment);
  assert.equal(reply.text, ru('buy-open-link', { product: ru('product-pack-150k'), amount: '134,10 ₽' }));
  const button = (reply.reply_markup as { inline_keyboard: { text: string; url: string }[][] })
    .inline_keyboard[0]?.[0];
  assert.deepEqual(button, { text: 'Оплатить 134,10 ₽', url: `https://yookassa.example/${payment.id}` });
  assert.deepEqual(
    [payment.amount, payment.discount, payment.providerPaymentId],
    [13_410n, 1_490n, `yk-${payment.id}`],
  );
});

test('a provider that does not answer: an alert in the user’s language, and the payment is cancelled', async () => {
  const user = await t.user({ lang: 'ru' });
  await user.send('/buy');
  await user.press('🪙 Пакеты токенов');
  await user.press(/^150 000 токенов/);
  failNext = true;
  const refused = await user.press(/Банковская карта/);
  assert.deepEqual(onlyCall(refused, 'answerCallbackQuery'), {
    callback_query_id: refused[0]?.payload.callback_query_id,
    text: ru('error-provider-failed'),
    show_alert: true,
  });
  assert.equal(refused.filter((c) => c.method === 'sendMessage').length, 0, 'no pay button');
  const [payment] = await paymentsOf(user.id);
  assert.equal(payment?.status, 'canceled');
});
