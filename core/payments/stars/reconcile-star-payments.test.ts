import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Payment } from '#core/db/generated/client.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { paymentReference, startCheckout } from '#core/payments/start-checkout.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { reconcileStarPayments, type TReconcileStarDeps } from './reconcile-star-payments.ts';
import { redisStarCursorStore } from './redis-star-cursor.ts';
import type { TStarTransactionSource } from './star-transactions.ts';

let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
const translator = loadTranslator(LOCALES_DIR);
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
});
after(async () => {
  await queue.close();
  await redis.cleanup();
  await t.drop();
});

const NOW = new Date('2026-05-01T12:00:00Z');
const unix = (msBeforeNow: number) => Math.floor((NOW.getTime() - msBeforeNow) / 1000);
const HOUR = 3_600_000;

/** Telegram's side: a bot's StarTransaction list as getStarTransactions pages it (Bot API shapes). */
class StarLedger implements TStarTransactionSource {
  readonly entries: Record<string, unknown>[] = [];
  readonly pages: { offset: number; limit: number }[] = [];

  pay(userId: bigint, payload: string, amount: number, msAgo = HOUR): string {
    const id = `stx${randomBytes(90).toString('base64url')}`;
    this.entries.push({ id, amount, date: unix(msAgo), source: this.#partner(userId, payload) });
    return id;
  }

  refund(chargeId: string, userId: bigint, payload: string, amount: number): void {
    this.entries.push({
      id: chargeId,
      amount,
      date: unix(HOUR / 2),
      receiver: this.#partner(userId, payload),
    });
  }

  async page(input: { offset: number; limit: number }): Promise<readonly unknown[]> {
    this.pages.push(input);
    return this.entries.slice(input.offset, input.offset + input.limit);
  }

  #partner(userId: bigint, payload: string) {
    const user = { id: Number(userId), is_bot: false, first_name: 'Payer' };
    return { type: 'user', transaction_type: 'invoice_payment', user, invoice_payload: payload };
  }
}

function setup() {
  const ledger = new StarLedger();
  const deps: TReconcileStarDeps = {
    db: t.db,
    transactions: ledger,
    cursor: redisStarCursorStore(
      redis.redis,
      `${redis.prefix}:stars-cursor:${randomBytes(4).toString('hex')}`,
    ),
    announce: { db: t.db, queue, translator },
  };
  const reconcile = () => reconcileStarPayments(deps, { minAgeMs: 60_000, now: NOW });
  return { ledger, deps, reconcile };
}

async function pendingStarsPayment(): Promise<Payment> {
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'S' })).user.id;
  return startCheckout(t.db, { userId, productId: 'pack-150k', provider: 'stars' });
}

const tokens = async (userId: bigint) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'TOKEN' } } }))?.balance ??
  0n;
const moneyPostings = (payment: Payment) =>
  t.db.ledgerTransaction.count({ where: { idempotencyKey: `payment:${payment.id}:money` } });
const noticesTo = async (userId: bigint) =>
  (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
    (j) => j.data.chatId === userId.toString(),
  );

test('a charge we never booked is credited once and the buyer told once, even by two runs at the same time', async () => {
  const { ledger, reconcile } = setup();
  const payment = await pendingStarsPayment();
  const chargeId = ledger.pay(payment.userId, paymentReference(payment.id), 100);

  const runs = await Promise.all([reconcile(), reconcile()]);
  assert.equal(runs.flatMap((r) => r.credited).length, 1);
  assert.deepEqual(
    runs.flatMap((r) => r.credited).map((c) => [c.chargeId, c.paymentId]),
    [[chargeId, payment.id.toString()]],
  );
  const paid = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
  assert.equal(paid.status, 'succeeded');
  assert.equal(paid.providerPaymentId, chargeId);
  assert.equal(await tokens(payment.userId), 150_000n);
  assert.equal(await moneyPostings(payment), 1);
  const notices = await noticesTo(payment.userId);
  assert.equal(notices.length, 1);
  assert.match(notices[0]?.data.text ?? '', /150,000 tokens/);

  const again = await reconcile();
  assert.equal(again.credited.length, 0);
  assert.equal(await tokens(payment.userId), 150_000n);
});

test('a charge the bot already booked is left untouched', async () => {
  const { ledger, reconcile } = setup();
  const payment = await pendingStarsPayment();
  const chargeId = ledger.pay(payment.userId, paymentReference(payment.id), 100);
  await confirmPayment(t.db, {
    paymentId: payment.id,
    provider: 'stars',
    providerPaymentId: chargeId,
    amount: 100n,
    currency: 'XTR',
    raw: { from: 'bot' },
  });
  const run = await reconcile();
  assert.equal(run.alreadyBooked, 1);
  assert.equal(run.credited.length, 0);
  assert.equal(await moneyPostings(payment), 1);
  assert.equal(await tokens(payment.userId), 150_000n);
  assert.deepEqual((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).raw, {
    from: 'bot',
  });
  assert.equal((await noticesTo(payment.userId)).length, 0);
});

test('a charge refunded on Telegram before we booked it is never credited', async () => {
  const { ledger, reconcile } = setup();
  const payment = await pendingStarsPayment();
  const payload = paymentReference(payment.id);
  const chargeId = ledger.pay(payment.userId, payload, 100);
  ledger.refund(chargeId, payment.userId, payload, 100);
  const run = await reconcile();
  assert.deepEqual(
    run.refunded.map((c) => c.chargeId),
    [chargeId],
  );
  assert.equal(run.credited.length, 0);
  assert.equal((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'pending');
  assert.equal(await tokens(payment.userId), 0n);
  assert.equal(run.settledThrough, 2);
});

test('a payload that names no payment is reported and skipped, and not reported again', async () => {
  const { ledger, reconcile } = setup();
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'U' })).user.id;
  ledger.pay(userId, 'pay:987654321987', 100);
  ledger.pay(userId, 'a-payload-of-another-app', 25);
  const run = await reconcile();
  assert.deepEqual(
    run.unmatched.map((c) => [c.payload, c.amount, c.payerId]),
    [
      ['pay:987654321987', 100, Number(userId)],
      ['a-payload-of-another-app', 25, Number(userId)],
    ],
  );
  assert.equal(run.settledThrough, 2);
  const next = await reconcile();
  assert.equal(next.window.from, 2);
  assert.equal(next.unmatched.length, 0);
});

test('a payment already paid by another charge (a second payment of one invoice) is a conflict, not a credit', async () => {
  const { ledger, reconcile } = setup();
  const payment = await pendingStarsPayment();
  const payload = paymentReference(payment.id);
  const lost = ledger.pay(payment.userId, payload, 100);
  const booked = ledger.pay(payment.userId, payload, 100);
  await confirmPayment(t.db, {
    paymentId: payment.id,
    provider: 'stars',
    providerPaymentId: booked,
    amount: 100n,
    currency: 'XTR',
    raw: {},
  });
  const run = await reconcile();
  assert.deepEqual(
    run.conflicts.map((c) => [c.chargeId, c.reason?.startsWith('PAYMENT_NOT_PENDING')]),
    [[lost, true]],
  );
  assert.equal(run.alreadyBooked, 1);
  assert.equal(await moneyPostings(payment), 1);
});

test('a young charge and a locked payment are left to the bot; the cursor stops before them', async () => {
  const { ledger, reconcile } = setup();
  const locked = await pendingStarsPayment();
  const young = await pendingStarsPayment();
  ledger.pay(locked.userId, paymentReference(locked.id), 100);
  ledger.pay(young.userId, paymentReference(young.id), 100, 10_000);

  // The bot holds the row while it confirms Telegram's update: the reconciliation does not queue behind it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let isLocked!: () => void;
  const lockTaken = new Promise<void>((resolve) => {
    isLocked = resolve;
  });
  const holder = t.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${locked.id} FOR UPDATE`;
    isLocked();
    await held;
  });
  await lockTaken;
  const run = await reconcile();
  release();
  await holder;
  assert.deepEqual(
    run.busy.map((c) => c.paymentId),
    [locked.id.toString()],
  );
  assert.equal(run.tooYoung, 1);
  assert.equal(run.settledThrough, 0);
  assert.equal(await tokens(locked.userId), 0n);

  const next = await reconcile();
  assert.deepEqual(
    next.credited.map((c) => c.paymentId),
    [locked.id.toString()],
  );
  assert.equal(next.settledThrough, 1);
  assert.equal(await tokens(young.userId), 0n);
});

test('pages of at most 100; a cursor that no longer matches the list is dropped and everything read again', async () => {
  const { ledger, reconcile } = setup();
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'P' })).user.id;
  for (let i = 0; i < 230; i++) ledger.pay(userId, `pay:${9_000_000_000 + i}`, 1);
  const first = await reconcile();
  assert.equal(first.unmatched.length, 230);
  assert.equal(first.settledThrough, 230);
  assert.ok(ledger.pages.every((p) => p.limit <= 100));

  // Newest first after all (what Telegram's MTProto API does by default): the new charge lands at offset 0.
  const payment = await pendingStarsPayment();
  const chargeId = `stx${randomBytes(90).toString('base64url')}`;
  ledger.entries.unshift({
    id: chargeId,
    amount: 100,
    date: unix(HOUR),
    source: {
      type: 'user',
      transaction_type: 'invoice_payment',
      user: { id: Number(payment.userId), is_bot: false, first_name: 'N' },
      invoice_payload: paymentReference(payment.id),
    },
  });
  const second = await reconcile();
  assert.equal(second.window.restarted, true);
  assert.equal(second.window.from, 0);
  assert.deepEqual(
    second.credited.map((c) => c.chargeId),
    [chargeId],
  );
  assert.equal(await tokens(payment.userId), 150_000n);
});
