import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCryptoPayClient } from '#core/payments/cryptobot/cryptopay-client.ts';
import { createCryptoPayGateway } from '#core/payments/cryptobot/cryptopay-gateway.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { createYooKassaClient } from '#core/payments/yookassa/yookassa-client.ts';
import { createYooKassaGateway } from '#core/payments/yookassa/yookassa-gateway.ts';
import { buttonsOf, type Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'payments-providers' });
});
after(() => stack?.stop());

const tokens = async (userId: number) =>
  (
    await stack.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId: BigInt(userId), asset: 'TOKEN' } },
    })
  )?.balance ?? 0n;

const onlyPayment = (userId: number) =>
  stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(userId) } });

/** Waits for the bot's "press the button to pay" message and returns the button's URL. */
async function payButtonUrl(chat: Chat): Promise<string> {
  const offer = await chat.expectWhere((m) => buttonsOf(m).some((b) => 'url' in b));
  const button = buttonsOf(offer).find((b) => 'url' in b);
  assert.ok(button && 'url' in button && button.url);
  return button.url;
}

/**
 * A person pressing a button on the provider's page (an HTML form post); returns where the outcome page
 * it leads to sends them back (its button's link).
 */
async function submitForm(url: string, fields: Record<string, string>): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  assert.equal(response.status, 200, `expected the outcome page, got ${response.status}`);
  return /<a class="button" href="([^"]+)"/.exec(await response.text())?.[1] ?? null;
}

/** How many "payment received" messages the buyer has, after giving a duplicate time to arrive. */
async function receivedNotices(chat: Chat, text: string): Promise<number> {
  await sleep(1500);
  return (await chat.botMessages()).filter((m) => m.text?.includes(text)).length;
}

/** The app logs through a pipe, so a line may arrive a little after the HTTP answer it belongs to. */
async function expectLog(pattern: RegExp, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(stack.logs())) {
    if (Date.now() > deadline) assert.fail(`no log line matching ${pattern}`);
    await sleep(50);
  }
}

const postYooKassa = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.appUrl}/webhooks/yookassa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function financeStaff() {
  const id = uniqueUserId();
  await stack.db.user.create({ data: { id: BigInt(id), firstName: 'Fin', referralCode: `fin${id}` } });
  return { id: BigInt(id), role: 'finance' as const };
}

test('bank card: pay on the YooKassa page, credited once however often the notification comes, refunded through YooKassa', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Card', language: 'en' });
  await chat.send('/buy');
  await chat.expect('What would you like to buy?');
  await chat.press('Token packs');
  await chat.expect('Choose a product');
  await chat.press('150,000 tokens');
  await chat.expect('How would you like to pay?');
  await chat.press(/Bank card/);
  const url = await payButtonUrl(chat);
  assert.ok(url.startsWith(`${new URL(stack.yookassa.url).origin}/checkout/`), url);

  const pending = await onlyPayment(id);
  const yookassaId = decodeURIComponent(url.split('/').pop() ?? '');
  assert.deepEqual(
    [pending.status, pending.provider, pending.amount, pending.currency, pending.providerPaymentId],
    ['pending', 'yookassa', 14_900n, 'RUB', yookassaId],
  );
  const atYooKassa = stack.yookassa.control.payments().find((p) => p.id === yookassaId);
  assert.deepEqual(atYooKassa?.metadata, { paymentRef: `pay:${pending.id}` });
  assert.deepEqual(atYooKassa?.amount, { value: '149.00', currency: 'RUB' });
  const creating = stack.yookassa.control
    .requests()
    .find((r) => r.method === 'POST' && r.path === '/v3/payments');
  assert.equal(creating?.idempotenceKey, `payment:${pending.id}`);

  // The user presses Pay on YooKassa's page and is sent back to the bot.
  assert.equal(await submitForm(url, { action: 'pay' }), `https://t.me/${stack.userBot.username}`);
  await chat.expect('Payment received: 150,000 tokens · forever. Token balance: 150,000.');
  assert.equal(await tokens(id), 150_000n);
  const paid = await onlyPayment(id);
  assert.equal(paid.status, 'succeeded');
  assert.ok(paid.paidAt);

  // YooKassa repeats a notification until it gets a 200: five more deliveries, some at once, change nothing.
  await stack.yookassa.control.flushNotifications();
  const original = stack.yookassa.control
    .notifications()
    .find((n) => n.body.includes('"payment.succeeded"') && n.body.includes(yookassaId));
  assert.ok(original?.delivered);
  const replays = await Promise.all(
    Array.from({ length: 5 }, () => stack.yookassa.control.sendNotification(original.body)),
  );
  assert.deepEqual(
    replays.map((r) => r.status),
    [200, 200, 200, 200, 200],
  );
  assert.equal(await tokens(id), 150_000n);
  assert.equal(await receivedNotices(chat, 'Payment received'), 1);

  // The same body from an address outside the allowed ranges is refused before it is read.
  const foreign = await postYooKassa(JSON.parse(original.body), { 'x-forwarded-for': '8.8.8.8' });
  assert.equal(foreign.status, 403);
  await expectLog(/"ip":"8\.8\.8\.8"[^\n]*outside the allowed ranges/);

  // A refund goes through YooKassa's API; YooKassa's refund.succeeded notification is then acknowledged.
  const gateway = createYooKassaGateway({
    client: createYooKassaClient({
      shopId: stack.yookassa.shopId,
      secretKey: stack.yookassa.secretKey,
      apiBase: stack.yookassa.url,
    }),
    receipts: false,
  });
  const refund = await refundPayment(
    stack.db,
    { yookassa: gateway },
    {
      staff: await financeStaff(),
      paymentId: paid.id,
      reason: 'changed my mind',
    },
  );
  assert.equal(refund.tokensClawedBack, 150_000n);
  assert.equal(await tokens(id), 0n);
  const refunded = stack.yookassa.control.payments().find((p) => p.id === yookassaId);
  assert.deepEqual(refunded?.refunded_amount, { value: '149.00', currency: 'RUB' });
  await stack.yookassa.control.flushNotifications();
  const refundNotice = stack.yookassa.control
    .notifications()
    .find((n) => n.body.includes('"refund.succeeded"'));
  assert.equal(refundNotice?.lastStatus, 200);
  assert.equal((await onlyPayment(id)).status, 'refunded');
});

test('bank card: forged and unknown notifications credit nothing; a canceled payment tells the user', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Отмена', language: 'ru' });
  await chat.send('/buy');
  await chat.expect('Что хотите купить?');
  await chat.press('Пакеты токенов');
  await chat.expect('Выберите');
  await chat.press(/^150.000 токенов/);
  await chat.expect('Как удобнее оплатить?');
  await chat.press(/Банковская карта/);
  const url = await payButtonUrl(chat);
  const yookassaId = decodeURIComponent(url.split('/').pop() ?? '');
  const atYooKassa = stack.yookassa.control.payments().find((p) => p.id === yookassaId);
  assert.equal(atYooKassa?.status, 'pending');

  // Well-formed "succeeded" notifications from an allowed address: one for this payment (the API says it
  // is still pending), one for a payment YooKassa does not know. Both are acknowledged, neither credits.
  const forged = {
    type: 'notification',
    event: 'payment.succeeded',
    object: { ...atYooKassa, status: 'succeeded', paid: true, captured_at: new Date().toISOString() },
  };
  assert.equal((await stack.yookassa.control.sendNotification(forged)).status, 200);
  const unknown = { ...forged, object: { ...forged.object, id: '2f0e5e8b-000f-5000-8000-1a2b3c4d5e6f' } };
  assert.equal((await stack.yookassa.control.sendNotification(unknown)).status, 200);
  assert.equal((await postYooKassa(forged, { 'x-forwarded-for': '203.0.113.9' })).status, 403);
  assert.equal((await onlyPayment(id)).status, 'pending');
  assert.equal(await tokens(id), 0n);
  await expectLog(/YooKassa payment is still pending/);

  // The user presses Cancel on YooKassa's page.
  assert.equal(await submitForm(url, { action: 'cancel' }), `https://t.me/${stack.userBot.username}`);
  await chat.expect(/Оплата 150.000 токенов · навсегда не прошла/);
  const canceled = await onlyPayment(id);
  assert.equal(canceled.status, 'canceled');
  assert.match(canceled.failureReason ?? '', /expired_on_confirmation/);
  assert.equal(await tokens(id), 0n);
  // A "succeeded" claim after the cancellation still changes nothing.
  assert.equal((await stack.yookassa.control.sendNotification(forged)).status, 200);
  assert.equal((await onlyPayment(id)).status, 'canceled');
});

test('crypto: forged or unsigned webhooks are refused, a signed one for an unpaid invoice changes nothing, a paid invoice credits once', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Coin', language: 'en' });
  await chat.send('/buy');
  await chat.expect('What would you like to buy?');
  await chat.press('Video bundles');
  await chat.expect('Choose a product');
  await chat.press('Video bundle S');
  await chat.expect('How would you like to pay?');
  await chat.press(/Crypto/);
  const url = await payButtonUrl(chat);
  assert.ok(url.startsWith(`${new URL(stack.cryptopay.url).origin}/invoice/`), url);

  const pending = await onlyPayment(id);
  assert.deepEqual(
    [pending.status, pending.provider, pending.amount, pending.currency],
    ['pending', 'cryptobot', 1_000n, 'USD'],
  );
  const invoice = stack.cryptopay.control
    .invoices()
    .find((i) => String(i.invoice_id) === pending.providerPaymentId);
  assert.ok(invoice);
  assert.deepEqual(
    [invoice.fiat, invoice.amount, invoice.payload, invoice.accepted_assets, invoice.paid_btn_url],
    ['USD', '10.00', `pay:${pending.id}`, ['USDT', 'TON', 'BTC'], `https://t.me/${stack.userBot.username}`],
  );

  const claim = {
    update_id: 9_001,
    update_type: 'invoice_paid',
    request_date: new Date().toISOString(),
    payload: {
      ...invoice,
      status: 'paid',
      paid_at: new Date().toISOString(),
      paid_asset: 'USDT',
      paid_amount: '10.00',
    },
  };
  const { sendWebhook } = stack.cryptopay.control;
  assert.equal((await sendWebhook(claim, { signWith: 'wrong-token' })).status, 401);
  assert.equal((await sendWebhook(claim, { signWith: null })).status, 401);
  await expectLog(/bad signature refused/);
  // Correctly signed, but the API says the invoice is still active: acknowledged, nothing credited.
  assert.equal((await sendWebhook(claim)).status, 200);
  assert.equal((await onlyPayment(id)).status, 'pending');
  assert.equal(await tokens(id), 0n);

  // The user pays with TON on CryptoBot's page and the "Open Bot" button takes them back.
  assert.equal(await submitForm(url, { asset: 'TON' }), `https://t.me/${stack.userBot.username}`);
  await chat.expect('Payment received: Video bundle S · 1,000,000 tokens. Token balance: 1,000,000.');
  assert.equal(await tokens(id), 1_000_000n);
  const paid = await onlyPayment(id);
  assert.equal(paid.status, 'succeeded');
  assert.equal((paid.raw as { paid_asset?: string }).paid_asset, 'TON');

  await stack.cryptopay.control.flushWebhooks();
  const original = stack.cryptopay.control.webhooks().find((w) => w.delivered);
  assert.ok(original);
  const replays = await Promise.all(Array.from({ length: 5 }, () => sendWebhook(original.body)));
  assert.deepEqual(
    replays.map((r) => r.status),
    [200, 200, 200, 200, 200],
  );
  assert.equal(await tokens(id), 1_000_000n);
  assert.equal(await receivedNotices(chat, 'Payment received'), 1);

  // Crypto Pay cannot refund: the refund fails and nothing in our books moves.
  const gateway = createCryptoPayGateway({
    client: createCryptoPayClient({ token: stack.cryptopay.token, apiBase: stack.cryptopay.url }),
    botUrl: 'https://t.me/x',
  });
  await assert.rejects(
    refundPayment(
      stack.db,
      { cryptobot: gateway },
      { staff: await financeStaff(), paymentId: paid.id, reason: 'asked' },
    ),
    (error: Error) => error.message === 'PROVIDER_ERROR',
  );
  assert.equal(await tokens(id), 1_000_000n);
  assert.equal((await onlyPayment(id)).status, 'succeeded');
  const failed = await stack.db.refund.findFirstOrThrow({ where: { paymentId: paid.id } });
  assert.equal(failed.status, 'failed');
  assert.match(failed.failureReason ?? '', /by hand/);
});
