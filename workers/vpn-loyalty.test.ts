import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLogger } from '#core/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';
import type { TJobRun } from '#workers/runtime/job-definition.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { vpnLoyaltyJob } from './vpn-loyalty.ts';

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

test('the hourly job records a subscriber’s levels and their bonus days once, with the worker’s own context', async () => {
  const DAY = 86_400_000;
  const now = Date.now();
  const userId = 9_300_000_001n;
  await seedVpnSubscriptions(database.db, [{ userId, expiresAt: new Date(now + 20 * DAY) }]);
  await database.db.vpnPeriod.create({
    data: {
      userId,
      source: 'wallet',
      tier: 'basic',
      days: 90,
      startsAt: new Date(now - 70 * DAY),
      endsAt: new Date(now + 20 * DAY),
    },
  });
  const first = (await vpnLoyaltyJob.handle(run(), built.context)) as { levelsReached: number };
  const second = (await vpnLoyaltyJob.handle(run(), built.context)) as { levelsReached: number };
  assert.equal(first.levelsReached, 2, 'bronze and silver');
  assert.equal(second.levelsReached, 0);
  assert.equal(await database.db.vpnPeriod.count({ where: { userId, source: 'loyalty' } }), 1);
  assert.equal(vpnLoyaltyJob.schedules?.(built.context).length, 1);
});

test('the job tells an inviter once of the days a friend’s payment brought them', async () => {
  const inviterId = 9_300_000_002n;
  const friendId = 9_300_000_003n;
  const now = Date.now();
  await seedVpnSubscriptions(database.db, [
    { userId: inviterId, expiresAt: new Date(now + 86_400_000), language: 'ru' },
    { userId: friendId, expiresAt: new Date(now + 86_400_000) },
  ]);
  await database.db.vpnInvite.create({
    data: {
      code: 'REWARD23',
      inviterId,
      periodId: 1n,
      seq: 0,
      tier: 'basic',
      friendDays: 7,
      expiresAt: new Date(now + 86_400_000),
      redeemedById: friendId,
      redeemedAt: new Date(now - 3_600_000),
      rewardPaymentId: 1n,
      rewardedAt: new Date(now - 60_000),
    },
  });
  const first = (await vpnLoyaltyJob.handle(run(), built.context)) as { inviteRewardsTold: number };
  const second = (await vpnLoyaltyJob.handle(run(), built.context)) as { inviteRewardsTold: number };
  assert.equal(first.inviteRewardsTold, 1);
  assert.equal(second.inviteRewardsTold, 0);
  assert.equal(await database.db.vpnNotice.count({ where: { userId: inviterId, kind: 'invite_reward' } }), 1);
});
