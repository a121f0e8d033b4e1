import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import type { TJobRun } from '#workers/runtime/job-definition.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { vpnAutoRenewJob } from './vpn-auto-renew.ts';

let database: TestDatabase;
let redis: TestRedis;
let built: TBuiltWorkerContext;
before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  built = createTestWorkerContext({ database, redis, logLevel: 'silent' });
});
after(async () => {
  await built.close();
  await redis.cleanup();
  await database.drop();
});

const run = (): TJobRun<unknown> => ({
  id: 'test',
  name: 'scan',
  data: {},
  attempt: 1,
  isLastAttempt: true,
  log: createLogger({ level: 'silent', name: 'test' }),
  signal: new AbortController().signal,
  later: () => Promise.reject(new Error('not in this test')),
  add: async () => {},
});

test('the job renews a subscription due now from the wallet, with the worker’s own context', async () => {
  const db = database.db;
  const userId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'J' })).user.id;
  await db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-fund:${userId}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -19_900n },
        { account: { user: userId, asset: 'RUB' }, amount: 19_900n },
      ],
    }),
  );
  const expiresAt = new Date(Date.now() + 60_000);
  await db.vpnSubscription.create({
    data: {
      userId,
      tier: 'basic',
      expiresAt,
      trafficLimitBytes: 0n,
      trafficStrategy: 'MONTH',
      deviceLimit: 2,
      squads: ['standard'],
      autoRenew: true,
    },
  });
  const first = await vpnAutoRenewJob.handle(run(), built.context);
  const second = await vpnAutoRenewJob.handle(run(), built.context);
  assert.deepEqual(first, { reminded: 0, renewed: 1, noFunds: 0, failed: 0 });
  assert.deepEqual(second, { reminded: 0, renewed: 0, noFunds: 0, failed: 0 });
  const sub = await db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.ok(sub.expiresAt.getTime() > expiresAt.getTime() + 29 * 86_400_000);
  assert.equal(vpnAutoRenewJob.schedules?.(built.context).length, 1);
});
