import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { QueueEvents } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { reserve } from '#core/ledger/holds.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { everyMs } from '#tests/support/reschedule-job.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import {
  LEDGER_MAINTENANCE_QUEUE,
  LEDGER_SETTLEMENT_SCHEDULER,
  ledgerMaintenanceJob,
} from './ledger-maintenance.ts';

let t: TestDatabase;
let redis: TestRedis;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
});
after(async () => {
  await t.drop();
  await redis.cleanup();
});

test('the scheduled job expires due grants and releases stale holds', async () => {
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'M' })).user.id;
  const credit = (amount: bigint, expiresAt: Date | null, key: string) =>
    t.db.$transaction(
      (tx) =>
        creditTokens(tx, {
          key,
          userId,
          amount,
          source: expiresAt ? 'subscription' : 'purchase',
          expiresAt,
          type: 'topup',
          actor: { type: 'system' },
          reason: 'test',
        }),
      LEDGER_TX_OPTIONS,
    );
  await credit(300n, new Date(Date.now() - 1000), 'm-sub');
  await credit(100n, null, 'm-pack');
  // A hold placed before the grant lapsed would otherwise keep blocking the perpetual tokens.
  await t.db.hold.create({
    data: {
      accountId: (await t.db.ledgerAccount.findFirstOrThrow({ where: { userId, asset: 'TOKEN' } })).id,
      key: 'm-hold',
      amount: 50n,
      reason: 'video',
      expiresAt: new Date(Date.now() - 1000),
    },
  });
  await t.db.ledgerAccount.updateMany({ where: { userId, asset: 'TOKEN' }, data: { held: 50n } });
  await assert.rejects(
    reserve(t.db, { key: 'm-2', userId, asset: 'TOKEN', amount: 60n, reason: 'x', ttlMs: 1000 }),
  );

  const prefix = `${redis.prefix}:bull`;
  const eventsConnection = redis.redis.duplicate();
  const events = new QueueEvents(LEDGER_MAINTENANCE_QUEUE, { connection: eventsConnection, prefix });
  await events.waitUntilReady();
  // Settlement runs on its own, more frequent schedule; wait for the expiry run's result.
  const completed = new Promise<unknown>((resolve) => {
    const onCompleted = ({ returnvalue }: { returnvalue: unknown }) => {
      if (typeof returnvalue === 'object' && returnvalue !== null && 'grants' in returnvalue) {
        events.off('completed', onCompleted);
        resolve(returnvalue);
      }
    };
    events.on('completed', onCompleted);
  });
  const built = createTestWorkerContext({ database: t, redis });
  const job = await startJob(
    everyMs(ledgerMaintenanceJob, { [LEDGER_SETTLEMENT_SCHEDULER]: 50 }),
    built.context,
  );
  try {
    assert.deepEqual(await completed, { grants: 1, holds: 1 });
    // The expired tokens reach the deferred `expired` account's row at the next settlement.
    const expired = () =>
      t.db.ledgerAccount.findUnique({ where: { code_asset: { code: 'expired', asset: 'TOKEN' } } });
    const deadline = Date.now() + 10_000;
    while ((await expired())?.balance !== 300n && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal((await expired())?.balance, 300n);
    assert.equal(await t.db.ledgerPendingEntry.count(), 0);
  } finally {
    await job.close();
    await built.close();
    await events.close();
    eventsConnection.disconnect();
  }
  const account = await t.db.ledgerAccount.findFirstOrThrow({ where: { userId, asset: 'TOKEN' } });
  assert.equal(account.balance, 100n);
  assert.equal(account.held, 0n);
  assert.equal(await t.db.ledgerTransaction.count({ where: { type: 'expiry' } }), 1);
});
