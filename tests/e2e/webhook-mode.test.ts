import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { holdLock, waitForLockWaiter } from './db-locks.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const translator = loadTranslator(LOCALES_DIR);
let stack: Stack;
let userApi: Api;
before(async () => {
  stack = await startStack({ name: 'webhook-mode', botMode: 'webhook' });
  userApi = new Api(stack.userBot.token, { apiRoot: stack.telegramUrl });
});
after(() => stack?.stop());

/**
 * The webhook POSTs of the updates that match, once the first has been answered: the bot's reply can
 * arrive before the route's answer is recorded. A first answer of 2xx confirms the update, so nothing can
 * be added after it.
 */
async function deliveriesOf(predicate: (update: Update) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const all = await stack.telegram.webhookDeliveries({ token: stack.userBot.token });
    const matching = all.filter((d) => predicate(d.update));
    if (matching.length > 0) return matching;
    if (Date.now() > deadline) throw new Error('no webhook delivery of that update was recorded');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function errorsCounted(): Promise<number> {
  const text = await (await fetch(`${stack.appUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('polygram_bot_errors_total{bot="user"}'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

test('the app registers its webhooks at start, with the secret Telegram sends back', async () => {
  const info = await userApi.getWebhookInfo();
  assert.match(info.url ?? '', new RegExp(`^${stack.appUrl}/telegram/user/[A-Za-z0-9_-]{16,}$`));
  const admin = await new Api(stack.adminBot.token, { apiRoot: stack.telegramUrl }).getWebhookInfo();
  assert.match(admin.url ?? '', new RegExp(`^${stack.appUrl}/telegram/admin/`));
});

test('webhook mode: sign-up; a handler failing on the database gets the localized apology, answered 200 once; a Stars payment credits once', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Хук', language: 'ru' });
  // Every sign-up step came over the webhook and was answered 200 on the first POST.
  const signupDeliveries = await stack.telegram.webhookDeliveries({ token: stack.userBot.token });
  assert.ok(signupDeliveries.length >= 1);
  assert.ok(signupDeliveries.every((d) => d.ok && d.status === 200));
  const errorsBefore = await errorsCounted();

  // A migration holds ledger_entries (ALTER TABLE takes ACCESS EXCLUSIVE) while /history reads it, and the
  // query queued behind it is cancelled, as statement_timeout (or a DBA ending the pile-up) does in
  // production: the handler's query fails with "canceling statement", which no code of ours expects.
  const migration = await holdLock(stack.db, 'LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE');
  try {
    await chat.send('/history');
    const pid = await waitForLockWaiter(stack.db, 'SELECT%"ledger_entries"%');
    await stack.db.$queryRaw`SELECT pg_cancel_backend(${pid}::int)`;
    await chat.expect(translator.t('ru', 'error-generic'));
  } finally {
    await migration.release();
  }
  const history = await deliveriesOf((u) => u.message?.text === '/history');
  assert.deepEqual(
    history.map((d) => [d.status, d.ok]),
    [[200, true]],
    'one POST, answered 200: Telegram does not send the update again',
  );
  const info = await userApi.getWebhookInfo();
  assert.equal(info.pending_update_count, 0);
  assert.equal(info.last_error_message, undefined);
  assert.equal(await errorsCounted(), errorsBefore + 1);

  // The database is back: the same command works.
  await chat.send('/history');
  await chat.expect('История');

  await chat.send('/buy');
  await chat.expect('Что хотите купить?');
  await chat.press('Пакеты токенов');
  await chat.expect('Выберите');
  await chat.press(/150\s000 токенов/);
  await chat.expect('Как удобнее оплатить?');
  await chat.press(/Telegram Stars/);
  const invoice = await chat.expectWhere((m) => m.message.invoice !== undefined);
  const paid = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    messageId: invoice.message_id,
  });
  assert.equal(paid.status, 'paid');
  await chat.expect(/Оплата получена: 150\s000 токенов · навсегда\. Баланс токенов: 150\s000\./);

  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.equal(payment.status, 'succeeded');
  assert.equal(payment.providerPaymentId, paid.status === 'paid' ? paid.chargeId : null);
  const tokens = await stack.db.ledgerAccount.findUniqueOrThrow({
    where: { userId_asset: { userId: BigInt(id), asset: 'TOKEN' } },
  });
  assert.equal(tokens.balance, 150_000n);
  assert.equal(
    await stack.db.ledgerTransaction.count({ where: { idempotencyKey: `payment:${payment.id}:money` } }),
    1,
  );
  const paymentDeliveries = await deliveriesOf((u) => u.message?.successful_payment !== undefined);
  assert.deepEqual(
    paymentDeliveries.map((d) => [
      d.update.message?.successful_payment?.telegram_payment_charge_id,
      d.status,
    ]),
    [[paid.status === 'paid' ? paid.chargeId : '', 200]],
  );
});
