import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import { touchUser } from '#core/accounts/touch-user.ts';
import { broadcastJobId } from '#core/broadcasts/broadcast-jobs.ts';
import { enqueueNotification, NOTIFY_JOB_OPTIONS } from '#core/notify/enqueue-notification.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import { createKillSwitch } from '#tests/support/kill-switch.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob, type TRunningJob } from '#workers/runtime/start-job.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { notifyJob } from './notify.ts';

const TOKEN = '7000004:notify-crash-token-abcdefghij';
// Short locks: a dead worker's job is taken over within two seconds instead of thirty.
const LOCKS = { durationMs: 1_500, stalledIntervalMs: 500 };
let server: TelegramServer;
let telegram: TelegramTestClient;
let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let context: TBuiltWorkerContext;
const workers: TRunningJob[] = [];
let nextUser = 7_300_000_000 + (process.pid % 1000) * 1000;

before(async () => {
  server = await startTelegramServer({ port: 0 });
  telegram = new TelegramTestClient(server.url);
  await telegram.registerBot({ token: TOKEN, username: 'notify_crash_bot', firstName: 'Notify' });
  database = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  context = createTestWorkerContext({
    database,
    redis,
    env: { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.url },
  });
});
after(async () => {
  for (const worker of workers) await worker.close({ force: true });
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

async function settled(jobId: string, timeoutMs = 30_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job && (await job.isCompleted())) return job.returnvalue;
    if (job && (await job.isFailed())) throw new Error(`job failed: ${job.failedReason}`);
    if (Date.now() > deadline) throw new Error('job not settled');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a worker killed between Telegram accepting the message and completing the job: the rerun sends nothing', async () => {
  const userId = await newUser();
  // Dies right after sendMessage returned: the message is in the chat, the process never heard back.
  const kill = createKillSwitch({ after: (label) => label === 'telegram.sendMessage' });
  const api = new Api(TOKEN, { apiRoot: server.url });
  api.config.use(kill.telegram);
  const dying = await startJob(
    { ...notifyJob, locks: LOCKS },
    { ...context.context, db: kill.db(database.db), telegram: { user: api, admin: api } },
  );
  workers.push(dying);
  const dedupeKey = `crash-${userId}`;
  await enqueueNotification(
    queue,
    { bot: 'user', chatId: userId.toString(), userId: userId.toString(), text: 'only once' },
    { dedupeKey },
  );
  await kill.killed;
  // The process is gone: its lock is no longer renewed, so BullMQ hands the job to the next worker.
  await dying.close({ force: true });
  const takeover = await startJob({ ...notifyJob, locks: LOCKS }, context.context);
  workers.push(takeover);

  const result = await settled(dedupeKey);
  // Only the next test's dying worker may take its job.
  await takeover.close();
  const messages = await telegram.messages({ token: TOKEN, chatId: Number(userId) });
  assert.equal(messages.length, 1, 'exactly one message in the chat');
  // The claim was written before the send and the answer was lost: the rerun cannot know, and does not resend.
  assert.deepEqual(result, { status: 'unknown' });
  const row = await database.db.notificationSend.findUniqueOrThrow({ where: { key: dedupeKey } });
  assert.equal(row.messageId, null);
  assert.ok(kill.log.includes('db.notificationSend.createMany'), 'claimed before the send');
});

test('a worker killed after storing the message id but before completing: the rerun reports it sent', async () => {
  const userId = await newUser();
  const kill = createKillSwitch({ after: (label) => label === 'db.notificationSend.update' });
  const api = new Api(TOKEN, { apiRoot: server.url });
  api.config.use(kill.telegram);
  const dying = await startJob(
    { ...notifyJob, locks: LOCKS },
    { ...context.context, db: kill.db(database.db), telegram: { user: api, admin: api } },
  );
  workers.push(dying);
  const dedupeKey = `stored-${userId}`;
  await enqueueNotification(
    queue,
    { bot: 'user', chatId: userId.toString(), userId: userId.toString(), text: 'stored once' },
    { dedupeKey },
  );
  await kill.killed;
  await dying.close({ force: true });
  const takeover = await startJob({ ...notifyJob, locks: LOCKS }, context.context);
  workers.push(takeover);

  const result = await settled(dedupeKey);
  // Only the next test's dying worker may take its job.
  await takeover.close();
  const messages = await telegram.messages({ token: TOKEN, chatId: Number(userId) });
  assert.equal(messages.length, 1, 'exactly one message in the chat');
  assert.deepEqual(result, { status: 'sent', messageId: messages[0]?.message_id });
});

test('a broadcast recipient whose worker died after the send gets one message, and the broadcast finishes', async () => {
  const userId = await newUser();
  const broadcast = await database.db.broadcast.create({
    data: {
      createdById: userId,
      text: 'news',
      segment: 'all',
      status: 'running',
      total: 1,
      startedAt: new Date(),
    },
  });
  await database.db.broadcastDelivery.create({ data: { broadcastId: broadcast.id, userId } });
  const kill = createKillSwitch({ after: (label) => label === 'telegram.sendMessage' });
  const api = new Api(TOKEN, { apiRoot: server.url });
  api.config.use(kill.telegram);
  const dying = await startJob(
    { ...notifyJob, locks: LOCKS },
    { ...context.context, db: kill.db(database.db), telegram: { user: api, admin: api } },
  );
  workers.push(dying);
  const jobId = broadcastJobId(broadcast.id, userId);
  const data: TNotifyJob = {
    bot: 'user',
    chatId: userId.toString(),
    userId: userId.toString(),
    text: 'news',
    broadcastId: broadcast.id.toString(),
  };
  await queue.add('message', data, { ...NOTIFY_JOB_OPTIONS, jobId });
  await kill.killed;
  await dying.close({ force: true });
  const takeover = await startJob({ ...notifyJob, locks: LOCKS }, context.context);
  workers.push(takeover);

  // The delivery row was still pending, so the broadcast gate let the rerun through: the journal stopped it.
  assert.deepEqual(await settled(jobId), { status: 'unknown' });
  await takeover.close();
  assert.equal((await telegram.messages({ token: TOKEN, chatId: Number(userId) })).length, 1);
  const delivery = await database.db.broadcastDelivery.findUniqueOrThrow({
    where: { broadcastId_userId: { broadcastId: broadcast.id, userId } },
  });
  assert.equal(delivery.status, 'failed', 'not confirmed delivered');
  const done = await database.db.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } });
  assert.deepEqual([done.status, done.sent, done.failed], ['done', 0, 1]);
});
