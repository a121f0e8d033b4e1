import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import type { Payment } from '#core/db/generated/client.ts';
import { createRedis, type Redis } from '#core/redis/create-redis.ts';
import { TEST_REDIS_URL } from '#tests/support/test-redis.ts';
import { STAR_RECONCILIATION_QUEUE } from '#workers/star-reconciliation.ts';
import type { Chat } from './chat.ts';
import { holdLock, type THeldLock, waitForLockWaiter } from './db-locks.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

/** confirmPayment's row lock (core/payments/confirm-payment.ts), as pg_stat_activity shows it. */
const CONFIRM_LOCK_QUERY = 'SELECT id FROM payments WHERE id = $1 FOR UPDATE';
const PAID = 'Payment received: 150,000 tokens · forever. Token balance: 150,000.';

let stack: Stack;
let redis: Redis;
let reconciliations: Queue;
before(async () => {
  // Reconciliation every second (a charge is then left to the bot for one second): production runs it
  // every few minutes.
  stack = await startStack({ name: 'stars-crash', starReconciliationEveryMs: 1_000 });
  redis = createRedis(TEST_REDIS_URL, 'stars-crash-test');
  reconciliations = new Queue(STAR_RECONCILIATION_QUEUE, {
    connection: redis,
    prefix: `${stack.redisPrefix}:bull`,
  });
});
after(async () => {
  await reconciliations?.close();
  redis?.disconnect();
  await stack?.stop();
});

/** Signs up, opens a 150,000-token Stars invoice, and returns it with its pending payment. */
async function openInvoice(): Promise<{
  id: number;
  chat: Chat;
  invoiceMessageId: number;
  payment: Payment;
}> {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Crash', language: 'en' });
  await chat.send('/buy');
  await chat.expect('What would you like to buy?');
  await chat.press('Token packs');
  await chat.expect('Choose a product');
  await chat.press('150,000 tokens');
  await chat.expect('How would you like to pay?');
  await chat.press('Telegram Stars · 100 ⭐');
  const invoice = await chat.expectWhere((m) => m.message.invoice !== undefined);
  const payment = await stack.db.payment.findFirstOrThrow({
    where: { userId: BigInt(id), status: 'pending' },
  });
  return { id, chat, invoiceMessageId: invoice.message_id, payment };
}

/**
 * The user pays while the test holds the payment row (a concurrent `SELECT … FOR UPDATE`): the app fetches
 * the successful_payment update and its handler blocks inside confirmPayment, before anything is booked.
 * Then the app is killed there. Returns the held lock and the dead handler's backend.
 */
async function payAndKillMidPayment(
  invoice: Awaited<ReturnType<typeof openInvoice>>,
): Promise<{ lock: THeldLock; chargeId: string; deadBackend: number }> {
  const lock = await holdLock(
    stack.db,
    `SELECT id FROM payments WHERE id = ${invoice.payment.id} FOR UPDATE`,
  );
  const paid = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: invoice.id,
    messageId: invoice.invoiceMessageId,
  });
  assert.equal(paid.status, 'paid');
  const deadBackend = await waitForLockWaiter(stack.db, CONFIRM_LOCK_QUERY);
  await stack.killApp();
  return { lock, chargeId: paid.status === 'paid' ? paid.chargeId : '', deadBackend };
}

/** Waits for a reconciliation run that started after `since` and read past `offset` transactions. */
async function reconciledPast(offset: number, since: number): Promise<{ credited: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const done = await reconciliations.getJobs(['completed']);
    const run = done.find(
      (job) =>
        (job.processedOn ?? 0) > since &&
        (job.returnvalue as { settledThrough: number }).settledThrough >= offset,
    );
    if (run) return run.returnvalue as { credited: number };
    if (Date.now() > deadline) throw new Error(`no reconciliation settled ${offset} transactions in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function assertCreditedOnce(invoice: Awaited<ReturnType<typeof openInvoice>>, chargeId: string) {
  const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: invoice.payment.id } });
  assert.equal(payment.status, 'succeeded');
  assert.equal(payment.providerPaymentId, chargeId);
  assert.equal(
    await stack.db.ledgerTransaction.count({ where: { idempotencyKey: `payment:${payment.id}:money` } }),
    1,
  );
  const tokens = await stack.db.ledgerAccount.findUniqueOrThrow({
    where: { userId_asset: { userId: BigInt(invoice.id), asset: 'TOKEN' } },
  });
  assert.equal(tokens.balance, 150_000n);
  const told = (await stack.telegram.messages({ token: stack.userBot.token, chatId: invoice.id })).filter(
    (m) => m.sender === 'bot' && m.text?.includes(PAID),
  );
  assert.equal(told.length, 1, 'the buyer is told once');
  return payment;
}

test('killed mid-payment: Telegram still has the update, the restarted app books it once, the reconciliation that follows changes nothing', async () => {
  const invoice = await openInvoice();
  const { lock, chargeId, deadBackend } = await payAndKillMidPayment(invoice);
  try {
    // Polling confirms a payment update only after handling it, so the restarted app gets it again; its
    // handler queues behind the same lock (the dead process's transaction is still ahead of it).
    await stack.restartApp();
    await waitForLockWaiter(stack.db, CONFIRM_LOCK_QUERY, { except: [deadBackend] });
  } finally {
    await lock.release();
  }
  await invoice.chat.expect(PAID);
  const bookedAt = Date.now();
  const run = await reconciledPast(1, bookedAt);
  assert.equal(run.credited, 0);
  const payment = await assertCreditedOnce(invoice, chargeId);
  // Booked from the update itself, not by the reconciliation.
  assert.equal((payment.raw as { telegram_payment_charge_id?: string }).telegram_payment_charge_id, chargeId);
});

test('killed mid-payment and the update lost for good: the reconciliation credits it once and tells the buyer once', async () => {
  const invoice = await openInvoice();
  const { lock, chargeId } = await payAndKillMidPayment(invoice);
  try {
    // Telegram keeps an unconfirmed update for 24 hours; an app down longer (or restarted with
    // drop_pending_updates) never sees it. Dropped here the way the Bot API drops it.
    await new Api(stack.userBot.token, { apiRoot: stack.telegramUrl }).deleteWebhook({
      drop_pending_updates: true,
    });
  } finally {
    await lock.release();
  }
  // The app is still down: the worker's reconciliation books the charge and the notify queue tells the buyer.
  await invoice.chat.expect(PAID, 30_000);
  await stack.restartApp();
  const restartedAt = Date.now();
  await reconciledPast(2, restartedAt);
  const payment = await assertCreditedOnce(invoice, chargeId);
  assert.equal((payment.raw as { reconciledFrom?: string }).reconciledFrom, 'getStarTransactions');
  assert.match(stack.logs(), /Stars payments the bot missed, credited by reconciliation/);
});
