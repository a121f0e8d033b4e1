import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Api, Bot } from 'grammy';
import { createLogger } from '#core/logging/logger.ts';
import { startTestServer, tokenFor } from '#sandbox/telegram/test-support.ts';
import { runPolling } from './run-polling.ts';

const TOKEN = tokenFor(700_777);
const BUYER = { id: 4_100, first_name: 'Buyer' };
const OTHER = { id: 4_101, first_name: 'Other' };

test('a successful_payment stays with Telegram until its handler finished; other updates still run meanwhile', async () => {
  const { server, client } = await startTestServer();
  const bot = new Bot(TOKEN, { client: { apiRoot: server.url } });
  let entered!: () => void;
  const handlerEntered = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let finish!: () => void;
  const finishPayment = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const texts: string[] = [];
  bot.on('pre_checkout_query', (ctx) => ctx.answerPreCheckoutQuery(true));
  bot.on('message:successful_payment', async () => {
    entered();
    // confirmPayment waiting for the database, say, when the process is killed.
    await finishPayment;
  });
  bot.on('message:text', (ctx) => {
    texts.push(ctx.message.text);
  });
  await client.upsertUser(BUYER);
  await client.upsertUser(OTHER);
  await bot.init();
  const runner = runPolling(bot, createLogger({ level: 'silent', name: 'test' }));
  try {
    const invoice = await bot.api.sendInvoice(BUYER.id, 'Pack', 'Tokens', 'pay:1', 'XTR', [
      { label: 'Pack', amount: 10 },
    ]);
    const paid = await client.payInvoice({ token: TOKEN, userId: BUYER.id, messageId: invoice.message_id });
    assert.equal(paid.status, 'paid');
    await handlerEntered;

    // What a restarted process would ask for: Telegram still has the payment, unconfirmed.
    const again = await new Api(TOKEN, { apiRoot: server.url }).getUpdates({ timeout: 0 });
    assert.deepEqual(
      again.map((u) => u.message?.successful_payment?.telegram_payment_charge_id).filter(Boolean),
      [paid.status === 'paid' ? paid.chargeId : ''],
    );

    finish();
    // Polling goes on: a later update is fetched, which confirms the payment's batch.
    await client.sendText({ token: TOKEN, userId: OTHER.id, text: 'after the payment' });
    const deadline = Date.now() + 10_000;
    while (!texts.includes('after the payment') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(texts, ['after the payment']);
    const info = await bot.api.getWebhookInfo();
    assert.equal(info.pending_update_count, 0);
  } finally {
    finish();
    await runner.stop();
    await server.close();
  }
});
