import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordLogin } from '#core/accounts/record-login.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { TExportRow } from '#core/analytics/analytics-events.ts';
import { everyMs } from '#tests/support/reschedule-job.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import { ANALYTICS_EXPORT_SCHEDULER, analyticsExportJob } from './analytics-export.ts';

let database: TestDatabase;
let redis: TestRedis;
before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
});
after(async () => {
  await database.drop();
  await redis.cleanup();
});

test('the scheduled job exports to every sink, and one failing sink does not hold up the other', async () => {
  const { user } = await touchUser(database.db, { id: uniqueTelegramId(), firstName: 'W' });
  await recordLogin(database.db, { userId: user.id, source: 'miniapp' });
  await recordLogin(database.db, { userId: user.id, source: 'miniapp' });
  const received: TExportRow[] = [];
  let brokenCalls = 0;
  const built = createTestWorkerContext({ database, redis });
  const context = {
    ...built.context,
    analyticsSinks: [
      {
        name: 'broken',
        async write() {
          brokenCalls++;
          throw new Error('sink down');
        },
      },
      { name: 'memory', write: async (rows: TExportRow[]) => void received.push(...rows) },
    ],
  };
  const exporter = await startJob(
    everyMs(analyticsExportJob, { [ANALYTICS_EXPORT_SCHEDULER]: 100 }),
    context,
  );
  try {
    const deadline = Date.now() + 10_000;
    while ((received.length < 2 || brokenCalls < 2) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(
      received.map((r) => [r.type, r.userid, r.action]),
      [
        ['session', user.id.toString(), 'login'],
        ['session', user.id.toString(), 'login'],
      ],
    );
    assert.ok(brokenCalls >= 2, 'the broken sink is retried on the next runs');
    const cursors = await database.db.analyticsCursor.findMany({ orderBy: { sink: 'asc' } });
    assert.deepEqual(
      cursors.map((c) => c.sink),
      ['memory'],
      'the broken sink has no cursor: nothing it refused counts as exported',
    );
  } finally {
    await exporter.close();
    await built.close();
  }
});
