import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { touchUser } from '#core/accounts/touch-user.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { pendingServiceNote } from '#core/payments/announce-payment.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { createServiceRegistry } from '#core/services/registry.ts';
import {
  defineFulfilment,
  defineOperation,
  NOTHING_REVERSED,
  type TServiceModule,
} from '#core/services/service-module.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import { serviceOperationsJob } from './service-operations.ts';

/**
 * A provider in the shape of a panel API: POST /accounts creates an account, idempotent by the
 * Idempotency-Key header (a repeated key returns the first account); it answers 503 while "down".
 */
function startProvider() {
  const state = { failuresLeft: 0, requests: 0, created: 0, byKey: new Map<string, string>() };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    if (state.failuresLeft > 0) {
      state.failuresLeft -= 1;
      res.writeHead(503).end('{"message":"upstream down"}');
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    let id = state.byKey.get(key);
    if (!id) {
      state.created += 1;
      id = `acc-${state.created}`;
      state.byKey.set(key, id);
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ accountId: id }));
  });
  return new Promise<{ url: string; state: typeof state; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        state,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

let t: TestDatabase;
let r: TestRedis;
let provider: Awaited<ReturnType<typeof startProvider>>;
const logger = createLogger({ level: 'silent', name: 'test' });

// A service of the kind VPN and the GPU marketplace are: the payment's fulfilment needs an outside account.
const provisioningService = (): TServiceModule => ({
  id: 'provisioning-test',
  products: [],
  fulfilments: [
    defineFulfilment({
      kind: 'test.access',
      params: z.object({ days: z.number().int() }),
      async fulfil(_tx, ctx) {
        await ctx.afterCommit({
          operation: 'test.provision',
          key: `payment:${ctx.payment.id}:provision`,
          payload: { days: ctx.params.days },
        });
      },
      reverse: async () => NOTHING_REVERSED,
    }),
  ],
  operations: [
    defineOperation({
      name: 'test.provision',
      payload: z.object({ days: z.number().int() }),
      doneNoticeKey: 'cancelled',
      async perform(_ctx, op) {
        const response = await fetch(`${provider.url}/accounts`, {
          method: 'POST',
          headers: { 'idempotency-key': op.key, 'content-type': 'application/json' },
          body: JSON.stringify({ days: op.payload.days }),
        });
        if (!response.ok) throw new Error(`provider answered ${response.status}`);
        return z.object({ accountId: z.string() }).parse(await response.json());
      },
    }),
  ],
});
const registry = createServiceRegistry([provisioningService()]);

before(async () => {
  t = await createTestDatabase();
  r = await createTestRedis();
  provider = await startProvider();
});
after(async () => {
  await provider.close();
  await r.cleanup();
  await t.drop();
});

async function paidPayment() {
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Vpn' })).user.id;
  const payment = await t.db.payment.create({
    data: {
      userId,
      provider: 'stars',
      productId: 'test-access',
      product: {
        id: 'test-access',
        service: 'provisioning-test',
        fulfilment: { kind: 'test.access', days: 30 },
      },
      amount: 100n,
      currency: 'XTR',
    },
  });
  const confirm = () =>
    confirmPayment(
      t.db,
      {
        paymentId: payment.id,
        provider: 'stars',
        providerPaymentId: `charge-${payment.id}`,
        amount: 100n,
        currency: 'XTR',
        raw: {},
      },
      registry,
    );
  return { userId, payment, confirm };
}

const operationOf = (paymentId: bigint) => t.db.serviceOperation.findFirstOrThrow({ where: { paymentId } });

test('a payment whose provider is down is paid at once and provisioned exactly once when the provider recovers', async () => {
  provider.state.failuresLeft = 3;
  const before = { requests: provider.state.requests, created: provider.state.created };
  const { userId, payment, confirm } = await paidPayment();
  const outcome = await confirm();
  // The payment never waits for the provider: it is paid, and the outside call is an outbox row.
  assert.equal(outcome.payment.status, 'succeeded');
  assert.equal(outcome.operations.length, 1);
  // The buyer hears at once that the service is being set up.
  const translator = loadTranslator(LOCALES_DIR);
  assert.equal(
    await pendingServiceNote({ db: t.db, translator }, outcome.payment, 'en'),
    translator.t('en', 'payment-service-pending'),
  );
  // A re-delivered confirmation asks for nothing new.
  assert.equal((await confirm()).operations.length, 0);
  assert.equal(await t.db.serviceOperation.count({ where: { paymentId: payment.id } }), 1);

  const built = createTestWorkerContext({ database: t, redis: r });
  built.context.services = registry;
  const notifyQueue = built.context.notifyQueue;
  const worker = await startJob(serviceOperationsJob({ sweepEveryMs: 200, retryBaseMs: 50 }), built.context);
  try {
    let row = await operationOf(payment.id);
    for (let i = 0; i < 300 && row.status === 'pending'; i++) {
      await sleep(50);
      row = await operationOf(payment.id);
    }
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 4, 'three failures, then success');
    assert.deepEqual(row.result, { accountId: `acc-${before.created + 1}` });
    assert.equal(provider.state.created - before.created, 1, 'one account at the provider');
    assert.equal(provider.state.requests - before.requests, 4);
    assert.equal(await pendingServiceNote({ db: t.db, translator }, outcome.payment, 'en'), null);
    // The notice follows the row's "done" (a notify job named after the row, so told once).
    const notices = async () =>
      (await notifyQueue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
        (j) => j.data.chatId === userId.toString(),
      );
    for (let i = 0; i < 100 && (await notices()).length === 0; i++) await sleep(20);
    assert.equal((await notices()).length, 1, 'the user is told once');
  } finally {
    await worker.close();
    await built.close();
  }
});

test('a worker that died after the provider call reruns it idempotently: still one account', async () => {
  const { payment, confirm } = await paidPayment();
  await confirm();
  const row = await operationOf(payment.id);
  const before = provider.state.created;
  // The dead worker's call reached the provider; its "done" never reached the database, and its lease ran out.
  await fetch(`${provider.url}/accounts`, { method: 'POST', headers: { 'idempotency-key': row.key } });
  await t.db.serviceOperation.update({
    where: { id: row.id },
    data: { attempts: 1, leaseUntil: new Date(Date.now() - 1000) },
  });
  const deps = { db: t.db, logger, env: {}, registry };
  assert.equal(await performOperation(deps, row.id), 'done');
  assert.equal(provider.state.created - before, 1);
  assert.equal((await operationOf(payment.id)).attempts, 2);
});

test('two workers woken for the same row: one performs it, the other finds it taken', async () => {
  const { payment, confirm } = await paidPayment();
  await confirm();
  const row = await operationOf(payment.id);
  const requests = provider.state.requests;
  const deps = { db: t.db, logger, env: {}, registry };
  const outcomes = await Promise.all([performOperation(deps, row.id), performOperation(deps, row.id)]);
  assert.deepEqual([...outcomes].sort(), ['done', 'not-due']);
  assert.equal(provider.state.requests - requests, 1);
});

test('an operation the registry does not know, or whose payload is refused, fails without calling anyone', async () => {
  const { payment, confirm } = await paidPayment();
  await confirm();
  const row = await operationOf(payment.id);
  await t.db.serviceOperation.update({ where: { id: row.id }, data: { payload: { days: 'thirty' } } });
  const requests = provider.state.requests;
  assert.equal(await performOperation({ db: t.db, logger, env: {}, registry }, row.id), 'failed');
  const failed = await operationOf(payment.id);
  assert.equal(failed.status, 'failed');
  assert.match(failed.lastError ?? '', /payload refused/);
  assert.equal(provider.state.requests, requests);
});
