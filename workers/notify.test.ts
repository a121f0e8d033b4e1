import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob, type TRunningJob } from '#workers/runtime/start-job.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { notifyJob } from './notify.ts';

const TOKEN = '7000001:notify-test-token-abcdefghijkl';
let server: TelegramServer;
let telegram: TelegramTestClient;
let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let context: TBuiltWorkerContext;
let worker: TRunningJob;
let nextUser = 7_100_000_000 + (process.pid % 1000) * 1000;

before(async () => {
  server = await startTelegramServer({ port: 0 });
  telegram = new TelegramTestClient(server.url);
  await telegram.registerBot({ token: TOKEN, username: 'notify_test_bot', firstName: 'Notify' });
  database = await createTestDatabase();
  redis = await createTestRedis();
  const prefix = `${redis.prefix}:bull`;
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix });
  context = createTestWorkerContext({
    database,
    redis,
    env: { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.url },
  });
  worker = await startJob(notifyJob, context.context);
});
after(async () => {
  await worker.close();
  await context.close();
  await queue.close();
  await server.close();
  await database.drop();
  await redis.cleanup();
});

async function newUser(): Promise<bigint> {
  const id = nextUser++;
  await telegram.upsertUser({ id, first_name: `U${id}` });
  await touchUser(database.db, { id: BigInt(id), firstName: `U${id}` });
  return BigInt(id);
}

const notice = (userId: bigint, text: string): TNotifyJob => ({
  bot: 'user',
  chatId: userId.toString(),
  userId: userId.toString(),
  text,
});

async function drained(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a burst into one chat is throttled by Telegram and every message still arrives once', async () => {
  const userId = await newUser();
  for (let i = 0; i < 26; i++) await enqueueNotification(queue, notice(userId, `burst ${i}`));
  await drained();
  const texts = (await telegram.messages({ token: TOKEN, chatId: Number(userId) })).map((m) => m.text);
  assert.equal(texts.length, 26);
  assert.equal(new Set(texts).size, 26, 'no duplicates');
  const calls = await telegram.calls({ token: TOKEN, method: 'sendMessage' });
  assert.ok(
    calls.some((c) => c.error_code === 429),
    'the local Bot API did answer 429 (the burst exceeded its per-chat limit)',
  );
  assert.equal((await queue.getJobCounts('failed')).failed, 0, 'a 429 never fails a job');
});

test('a user who blocked the bot is marked once and skipped afterwards', async () => {
  const userId = await newUser();
  await telegram.setBlocked({ token: TOKEN, userId: Number(userId), blocked: true });
  await enqueueNotification(queue, notice(userId, 'first'));
  await drained();
  const row = await database.db.user.findUniqueOrThrow({ where: { id: userId } });
  assert.ok(row.botBlockedAt, 'marked as blocked');

  const before = (await telegram.calls({ token: TOKEN, method: 'sendMessage' })).length;
  await enqueueNotification(queue, notice(userId, 'second'));
  await drained();
  const afterCalls = (await telegram.calls({ token: TOKEN, method: 'sendMessage' })).length;
  assert.equal(afterCalls, before, 'Telegram is not called for a known-blocked user');
});

test('the same dedupe key enqueues once; invalid jobs are refused before they reach the queue', async () => {
  const userId = await newUser();
  for (let i = 0; i < 3; i++)
    await enqueueNotification(queue, notice(userId, 'once'), { dedupeKey: `d-${userId}` });
  await drained();
  assert.equal((await telegram.messages({ token: TOKEN, chatId: Number(userId) })).length, 1);
  await assert.rejects(enqueueNotification(queue, { ...notice(userId, ''), text: '' }));
});
