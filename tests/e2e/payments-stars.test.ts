import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Api } from 'grammy';
import { createStarsGateway } from '#bots/shared/stars-gateway.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'payments-stars' });
});
after(() => stack?.stop());

const tokens = async (userId: number) =>
  (
    await stack.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId: BigInt(userId), asset: 'TOKEN' } },
    })
  )?.balance ?? 0n;

test('buying a token pack with Stars: invoice, pre-checkout, payment, balance; then a refund takes the tokens back', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Star', language: 'en' });
  await chat.send('/buy');
  await chat.expect('What would you like to buy?');
  await chat.press('Token packs');
  await chat.expect('Choose a product');
  await chat.press('150,000 tokens');
  await chat.expect('How would you like to pay?');
  await chat.press('Telegram Stars · 100 ⭐');
  const invoice = await chat.expectWhere((m) => m.message.invoice !== undefined);
  assert.deepEqual(
    { currency: invoice.message.invoice?.currency, total: invoice.message.invoice?.total_amount },
    { currency: 'XTR', total: 100 },
  );

  const paid = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    messageId: invoice.message_id,
  });
  assert.equal(paid.status, 'paid');
  await chat.expect('Payment received: 150,000 tokens · forever. Token balance: 150,000.');
  assert.equal(await tokens(id), 150_000n);
  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.equal(payment.status, 'succeeded');
  assert.equal(payment.providerPaymentId, paid.status === 'paid' ? paid.chargeId : '');

  // The same payment again through an invoice link (as a stale Mini App screen would open it): the
  // pre-checkout check refuses it and no Stars are taken.
  const gateway = createStarsGateway(
    new Api(stack.userBot.token, { apiRoot: stack.telegramUrl }),
    loadTranslator(LOCALES_DIR),
  );
  const link = await gateway.open(payment, { description: 'again', lang: 'en', returnUrl: 'https://t.me' });
  const again = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    invoiceLink: link.confirmationUrl,
  });
  assert.deepEqual(again, {
    status: 'rejected',
    errorMessage: 'This invoice has already been paid or canceled.',
  });
  assert.equal(await tokens(id), 150_000n);

  await chat.send('/balance');
  await chat.expect(/Tokens: <b>150,000<\/b>|Tokens: 150,000/);

  const finance = uniqueUserId();
  await stack.db.user.create({
    data: { id: BigInt(finance), firstName: 'Fin', referralCode: `fin${finance}` },
  });
  const refund = await refundPayment(
    stack.db,
    { stars: gateway },
    {
      staff: { id: BigInt(finance), role: 'finance' },
      paymentId: payment.id,
      reason: 'asked for it',
    },
  );
  assert.equal(refund.tokensClawedBack, 150_000n);
  assert.equal(await tokens(id), 0n);
  const refunds = await stack.telegram.calls({ token: stack.userBot.token, method: 'refundStarPayment' });
  assert.equal(refunds.filter((c) => c.ok).length, 1);
  await assert.rejects(
    gateway.refund(payment, payment.amount, { idempotenceKey: 'x', reason: 'twice' }),
    /CHARGE_ALREADY_REFUNDED/,
  );
});

test('a payment that fails at the card stage credits nothing', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Declined', language: 'ru' });
  await chat.send('/buy');
  await chat.expect('Что хотите купить?');
  await chat.press('AI-тарифы');
  await chat.expect('Выберите');
  await chat.press(/7 дней/);
  await chat.expect('Как удобнее оплатить?');
  await chat.press('Telegram Stars');
  const invoice = await chat.expectWhere((m) => m.message.invoice !== undefined);
  const result = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    messageId: invoice.message_id,
    outcome: 'decline_card',
  });
  assert.equal(result.status, 'failed');
  assert.equal(await tokens(id), 0n);
  assert.equal(
    (await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } })).status,
    'pending',
  );
});
