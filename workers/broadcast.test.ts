import assert from 'node:assert/strict';
import { cpus } from 'node:os';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { Api, InputFile } from 'grammy';
import type { TStaff } from '#core/accounts/staff.ts';
import { cancelBroadcast } from '#core/broadcasts/cancel-broadcast.ts';
import { createBroadcast, type TBroadcastContent } from '#core/broadcasts/create-broadcast.ts';
import { pauseBroadcast } from '#core/broadcasts/pause-broadcast.ts';
import { resumeBroadcast } from '#core/broadcasts/resume-broadcast.ts';
import { startBroadcast } from '#core/broadcasts/start-broadcast.ts';
import type { Broadcast } from '#core/db/generated/client.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import { TINY_PNG } from '#sandbox/telegram/test-support.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob, type TRunningJob } from '#workers/runtime/start-job.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { notifyJob } from './notify.ts';

const USER_TOKEN = '7000002:broadcast-user-token-abcdefgh';
const ADMIN_TOKEN = '7000003:broadcast-admin-token-abcdefg';
let server: TelegramServer;
let telegram: TelegramTestClient;
let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let context: TBuiltWorkerContext;
let worker: TRunningJob;
let userApi: Api;
let adminApi: Api;
let admin: TStaff;
let nextId = 7_200_000_000 + (process.pid % 1000) * 10_000;

before(async () => {
  server = await startTelegramServer({ port: 0 });
  telegram = new TelegramTestClient(server.url);
  await telegram.registerBot({ token: USER_TOKEN, username: 'bc_user_bot', firstName: 'Polygram' });
  await telegram.registerBot({ token: ADMIN_TOKEN, username: 'bc_admin_bot', firstName: 'Admin' });
  database = await createTestDatabase();
  redis = await createTestRedis();
  const prefix = `${redis.prefix}:bull`;
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix });
  userApi = new Api(USER_TOKEN, { apiRoot: server.url });
  adminApi = new Api(ADMIN_TOKEN, { apiRoot: server.url });
  context = createTestWorkerContext({
    database,
    redis,
    env: { BOT_TOKEN: USER_TOKEN, ADMIN_BOT_TOKEN: ADMIN_TOKEN, TELEGRAM_API_ROOT: server.url },
  });
  worker = await startJob(notifyJob, context.context);
  const [adminId] = await newUsers(1, 'en');
  assert.ok(adminId);
  await database.db.adminRole.create({ data: { userId: adminId, role: 'admin' } });
  admin = { id: adminId, role: 'admin' };
});
after(async () => {
  await worker.close();
  await context.close();
  await queue.close();
  await server.close();
  await database.drop();
  await redis.cleanup();
});

/** People known to both the local Bot API and the database (the `ru` ones are the broadcasts' segment). */
async function newUsers(count: number, language: 'ru' | 'en' = 'ru'): Promise<bigint[]> {
  const ids = Array.from({ length: count }, () => nextId++);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(ids.slice(i, i + 50).map((id) => telegram.upsertUser({ id, first_name: `U${id}` })));
  }
  await database.db.user.createMany({
    data: ids.map((id) => ({
      id: BigInt(id),
      firstName: `U${id}`,
      referralCode: `bc${id}`,
      language,
      // Broadcasts reach only people who finished signup.
      signedUpAt: new Date(),
    })),
  });
  return ids.map(BigInt);
}

/** Earlier tests' recipients leave the segment, so each test broadcasts to its own people. */
const retire = (ids: bigint[]) =>
  database.db.user.updateMany({ where: { id: { in: ids } }, data: { status: 'banned' } });

async function launch(content: TBroadcastContent): Promise<Broadcast> {
  const progress = await adminApi.sendMessage(admin.id.toString(), 'starting…');
  const draft = await createBroadcast(database.db, {
    staff: admin,
    content,
    target: { segment: 'language', language: 'ru' },
  });
  return startBroadcast(
    { db: database.db, queue },
    { staff: admin, broadcastId: draft.id, progress: { chatId: admin.id, messageId: progress.message_id } },
  );
}

const row = (id: bigint) => database.db.broadcast.findUniqueOrThrow({ where: { id } });

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Successful sends per chat, from the local Bot API's record of the user bot's calls. */
async function deliveredPerChat(method: string): Promise<Map<string, number>> {
  const per = new Map<string, number>();
  for (const call of await telegram.calls({ token: USER_TOKEN, method })) {
    if (!call.ok) continue;
    const chat = String(call.params.chat_id);
    per.set(chat, (per.get(chat) ?? 0) + 1);
  }
  return per;
}

test('500 recipients, 20 of whom blocked the bot: each other one gets one message, counts add up', async (t) => {
  const ids = await newUsers(500);
  const blocked = ids.slice(0, 20);
  for (const id of blocked)
    await telegram.setBlocked({ token: USER_TOKEN, userId: Number(id), blocked: true });

  const startedAt = Date.now();
  const broadcast = await launch({
    text: '<b>Big</b> news',
    button: { text: 'Open', url: 'https://example.com/news' },
  });
  assert.equal(broadcast.total, 500);
  await until(async () => (await row(broadcast.id)).status === 'done', 'broadcast done', 90_000);
  const seconds = (Date.now() - startedAt) / 1000;

  const done = await row(broadcast.id);
  assert.deepEqual([done.sent, done.failed, done.blocked, done.total], [480, 0, 20, 500]);
  assert.equal(done.sent + done.failed + done.blocked, done.total);

  const per = await deliveredPerChat('sendMessage');
  const blockedSet = new Set(blocked.map(String));
  for (const id of ids) {
    assert.equal(per.get(String(id)) ?? 0, blockedSet.has(String(id)) ? 0 : 1, `user ${id}`);
  }
  const [sample] = await telegram.messages({ token: USER_TOKEN, chatId: Number(ids[30]) });
  assert.equal(sample?.text, 'Big news');
  assert.equal(sample?.entities?.[0]?.type, 'bold');
  assert.match(JSON.stringify(sample?.reply_markup), /https:\/\/example\.com\/news/);

  const marked = await database.db.user.count({
    where: { id: { in: blocked }, botBlockedAt: { not: null } },
  });
  assert.equal(marked, 20, 'users who blocked the bot are marked, so the next broadcast skips them');
  const statuses = await database.db.broadcastDelivery.groupBy({
    by: ['status'],
    where: { broadcastId: broadcast.id },
    _count: true,
  });
  assert.deepEqual(Object.fromEntries(statuses.map((s) => [s.status, s._count])), { sent: 480, blocked: 20 });
  assert.equal((await queue.getJobCounts('failed')).failed, 0, 'no 429 (or anything else) failed a job');

  const progress = (await telegram.messages({ token: ADMIN_TOKEN, chatId: Number(admin.id) })).at(-1);
  assert.match(progress?.text ?? '', /Broadcast #\d+: done/);
  assert.match(progress?.text ?? '', /▓{10} 100%/);
  assert.match(progress?.text ?? '', /Sent: 480\nFailed: 0\nBlocked: 20\nTotal: 500/);
  assert.equal(progress?.reply_markup, undefined, 'a finished broadcast has no buttons left');
  const edits = (await telegram.calls({ token: ADMIN_TOKEN, method: 'editMessageText' })).length;
  assert.ok(edits >= 2, `the progress moved while sending (${edits} edits)`);
  assert.ok(edits <= seconds / 2 + 3, `${edits} edits in ${seconds.toFixed(1)} s: throttled to one per ~2 s`);

  const tooMany = (await telegram.calls({ token: USER_TOKEN })).filter((c) => c.error_code === 429).length;
  t.diagnostic(
    `500 recipients in ${seconds.toFixed(1)} s = ${(500 / seconds).toFixed(1)} msg/s ` +
      `(${cpus().length} cores); 429s answered and retried: ${tooMany}; progress edits: ${edits}`,
  );
  await retire(ids);
});

test('pause holds the rest, resume finishes it: photo with caption, nobody twice', async () => {
  const ids = await newUsers(60);
  const photo = await userApi.sendPhoto(admin.id.toString(), new InputFile(TINY_PNG, 'p.png'));
  const fileId = photo.photo.at(-1)?.file_id ?? '';
  const broadcast = await launch({ text: 'Look <i>here</i>', photo: fileId });

  await until(async () => (await row(broadcast.id)).sent >= 5, 'first deliveries', 20_000);
  await pauseBroadcast({ db: database.db, queue }, { staff: admin, broadcastId: broadcast.id });
  // Jobs past the status check when the pause came may still land; after that nothing moves.
  await new Promise((r) => setTimeout(r, 1000));
  const held = (await row(broadcast.id)).sent;
  await new Promise((r) => setTimeout(r, 2000));
  const stillHeld = await row(broadcast.id);
  assert.equal(stillHeld.sent, held, 'nothing is sent while paused');
  assert.equal(stillHeld.status, 'paused');
  assert.ok(held < 60, `paused before the end (${held} sent)`);
  assert.equal(
    await database.db.broadcastDelivery.count({ where: { broadcastId: broadcast.id, status: 'pending' } }),
    60 - held,
  );

  await resumeBroadcast({ db: database.db, queue }, { staff: admin, broadcastId: broadcast.id });
  await until(async () => (await row(broadcast.id)).status === 'done', 'resumed broadcast done', 30_000);
  assert.equal((await row(broadcast.id)).sent, 60);
  const per = await deliveredPerChat('sendPhoto');
  for (const id of ids) assert.equal(per.get(String(id)), 1, `user ${id} got the photo once`);
  const [received] = await telegram.messages({ token: USER_TOKEN, chatId: Number(ids[0]) });
  assert.equal(received?.media?.kind, 'photo');
  assert.equal(received?.caption, 'Look here');
  await retire(ids);
});

test('cancel stops the broadcast and leaves the rest pending', async () => {
  const ids = await newUsers(60);
  const broadcast = await launch({ text: 'Soon canceled' });
  await until(async () => (await row(broadcast.id)).sent >= 5, 'first deliveries', 20_000);
  await cancelBroadcast({ db: database.db, queue }, { staff: admin, broadcastId: broadcast.id });
  await new Promise((r) => setTimeout(r, 1000));
  const settled = await row(broadcast.id);
  await new Promise((r) => setTimeout(r, 1500));
  const later = await row(broadcast.id);
  assert.equal(later.status, 'canceled');
  assert.equal(later.sent, settled.sent, 'nothing is sent after the cancel settled');
  const pending = await database.db.broadcastDelivery.count({
    where: { broadcastId: broadcast.id, status: 'pending' },
  });
  assert.ok(pending > 0, 'the rest stays pending');
  assert.equal(pending + later.sent + later.failed + later.blocked, 60);
  const per = await deliveredPerChat('sendMessage');
  const reached = ids.filter((id) => per.has(String(id))).length;
  assert.equal(reached, later.sent, 'Telegram saw exactly the counted messages');
  const waiting = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
  assert.equal(
    Object.values(waiting).reduce((a, b) => a + b, 0),
    0,
    'no job of it is left to churn through',
  );
});
