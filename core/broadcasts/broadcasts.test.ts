import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import type { TStaff } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { broadcastJobId } from './broadcast-jobs.ts';
import { cancelBroadcast } from './cancel-broadcast.ts';
import { createBroadcast, parseBroadcastButton } from './create-broadcast.ts';
import { checkBroadcastDelivery } from './delivery-gate.ts';
import { finishBroadcastIfComplete } from './finish-broadcast.ts';
import { pauseBroadcast } from './pause-broadcast.ts';
import { recordDelivery } from './record-delivery.ts';
import { resumeBroadcast } from './resume-broadcast.ts';
import { startBroadcast } from './start-broadcast.ts';

let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let admin: TStaff;
const recipients: bigint[] = [];

const newUser = async (language: 'ru' | 'en' = 'en') => {
  const id = uniqueTelegramId();
  // Signed up: broadcasts reach only people who finished signup (segment-users.ts).
  await t.db.user.create({
    data: { id, firstName: 'U', referralCode: `b${id}`, language, signedUpAt: new Date() },
  });
  return id;
};

before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  const adminId = await newUser();
  await t.db.adminRole.create({ data: { userId: adminId, role: 'admin' } });
  admin = { id: adminId, role: 'admin' };
  for (let i = 0; i < 5; i++) recipients.push(await newUser('ru'));
});
after(async () => {
  await queue.close();
  await redis.cleanup();
  await t.drop();
});

const deps = () => ({ db: t.db, queue });
const draftFor = (language: 'ru' | 'en') =>
  createBroadcast(t.db, {
    staff: admin,
    content: { text: '<b>Sale</b>', button: { text: 'Open', url: 'https://example.com/sale' } },
    target: { segment: 'language', language },
  });
const queued = async () =>
  (await queue.getJobCounts('waiting', 'prioritized', 'delayed')) as Record<string, number>;
const queuedTotal = async () => Object.values(await queued()).reduce((a, b) => a + b, 0);

test('content is validated against Telegram limits and buttons parse as "Label | url"', async () => {
  const refused = async (content: Parameters<typeof createBroadcast>[1]['content']) =>
    assert.rejects(createBroadcast(t.db, { staff: admin, content, target: { segment: 'all' } }), (error) =>
      isAppError(error, 'INVALID_INPUT'),
    );
  await refused({ text: 'x'.repeat(4097) });
  await refused({ text: '   ' });
  await refused({ text: 'x'.repeat(1025), photo: 'AgAC-file' });
  await refused({ text: 'hi', button: { text: 'Go', url: 'javascript:alert(1)' } });
  const photoOnly = await createBroadcast(t.db, {
    staff: admin,
    content: { text: '', photo: 'AgAC-file' },
    target: { segment: 'all' },
  });
  assert.equal(photoOnly.status, 'draft');
  assert.deepEqual(parseBroadcastButton('Buy | now | https://x.test/a'), {
    text: 'Buy | now',
    url: 'https://x.test/a',
  });
  assert.equal(parseBroadcastButton('no link here'), null);
  assert.equal(parseBroadcastButton('Label | ftp://x.test'), null);
  await assert.rejects(
    createBroadcast(t.db, {
      staff: { id: admin.id, role: 'moderator' },
      content: { text: 'hi' },
      target: { segment: 'all' },
    }),
    (error) => isAppError(error, 'FORBIDDEN'),
  );
});

test('start materializes one pending delivery per recipient and queues each once, even when started twice', async () => {
  const draft = await draftFor('ru');
  const started = await startBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(started.status, 'running');
  assert.equal(started.total, recipients.length);
  assert.equal(
    await t.db.broadcastDelivery.count({ where: { broadcastId: draft.id, status: 'pending' } }),
    5,
  );
  const job = await queue.getJob(broadcastJobId(draft.id, recipients[0] ?? 0n));
  assert.equal(job?.data.text, '<b>Sale</b>');
  assert.equal(job?.data.parseMode, 'HTML');
  assert.equal(job?.data.broadcastId, draft.id.toString());
  assert.deepEqual(job?.data.buttons, [[{ text: 'Open', url: 'https://example.com/sale' }]]);
  assert.equal(await queuedTotal(), 5);

  const again = await startBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(again.total, 5);
  assert.equal(await queuedTotal(), 5, 'a second start queues nobody twice');
  const audits = await t.db.auditLog.count({ where: { action: 'broadcast.start', actorId: admin.id } });
  assert.equal(audits, 1);

  await cancelBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(await queuedTotal(), 0, 'cancel takes the waiting jobs out of the queue');
});

test('recording the same outcome twice, or in parallel, counts it once', async () => {
  const draft = await draftFor('ru');
  await startBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  const [first, second] = recipients;
  assert.ok(first && second);
  const once = await recordDelivery(t.db, { broadcastId: draft.id, userId: first, status: 'sent' });
  assert.equal(once?.sent, 1);
  assert.equal(await recordDelivery(t.db, { broadcastId: draft.id, userId: first, status: 'sent' }), null);
  assert.equal(await recordDelivery(t.db, { broadcastId: draft.id, userId: first, status: 'failed' }), null);
  const parallel = await Promise.all(
    Array.from({ length: 8 }, () =>
      recordDelivery(t.db, { broadcastId: draft.id, userId: second, status: 'blocked' }),
    ),
  );
  assert.equal(parallel.filter(Boolean).length, 1);
  const row = await t.db.broadcast.findUniqueOrThrow({ where: { id: draft.id } });
  assert.deepEqual([row.sent, row.failed, row.blocked], [1, 0, 1]);
  assert.equal(await checkBroadcastDelivery(t.db, { broadcastId: draft.id, userId: first }), 'skip');
  await cancelBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  // No worker here: the jobs of the two recorded deliveries are still queued (a worker would skip them).
  await queue.drain(true);
});

test('pause holds deliveries pending, resume queues them again, the last outcome finishes it once', async () => {
  const draft = await draftFor('ru');
  await startBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  const target = { broadcastId: draft.id, userId: recipients[0] ?? 0n };
  assert.equal(await checkBroadcastDelivery(t.db, target), 'send');

  const paused = await pauseBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(paused.changed, true);
  assert.equal(await checkBroadcastDelivery(t.db, target), 'wait');
  assert.equal(await queuedTotal(), 0);
  assert.equal((await pauseBroadcast(deps(), { staff: admin, broadcastId: draft.id })).changed, false);

  const resumed = await resumeBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(resumed.broadcast.status, 'running');
  assert.equal(await queuedTotal(), 5, 'every pending recipient is queued again');

  for (const userId of recipients) {
    assert.equal(await finishBroadcastIfComplete(t.db, { broadcastId: draft.id }), false);
    await recordDelivery(t.db, { broadcastId: draft.id, userId, status: 'sent' });
  }
  assert.equal(await finishBroadcastIfComplete(t.db, { broadcastId: draft.id }), true);
  assert.equal(await finishBroadcastIfComplete(t.db, { broadcastId: draft.id }), false);
  const done = await t.db.broadcast.findUniqueOrThrow({ where: { id: draft.id } });
  assert.equal(done.status, 'done');
  assert.ok(done.finishedAt);
  assert.equal((await resumeBroadcast(deps(), { staff: admin, broadcastId: draft.id })).changed, false);
  await queue.drain(true);
});

test('a segment with nobody in it is done at once', async () => {
  await t.db.user.updateMany({ where: { language: 'en' }, data: { status: 'banned' } });
  const draft = await draftFor('en');
  const started = await startBroadcast(deps(), { staff: admin, broadcastId: draft.id });
  assert.equal(started.status, 'done');
  assert.equal(started.total, 0);
});

test('a start leaves out people who never finished signup, unless the broadcast is meant for them', async () => {
  const unfinished = uniqueTelegramId();
  await t.db.user.create({
    data: { id: unfinished, firstName: 'Left at the terms', referralCode: `b${unfinished}`, language: 'ru' },
  });
  const toRussians = await startBroadcast(deps(), { staff: admin, broadcastId: (await draftFor('ru')).id });
  assert.equal(toRussians.total, recipients.length);
  assert.equal(
    await t.db.broadcastDelivery.count({ where: { broadcastId: toRussians.id, userId: unfinished } }),
    0,
    'no delivery row, so no message, for someone who has not accepted the terms',
  );
  await cancelBroadcast(deps(), { staff: admin, broadcastId: toRussians.id });

  const reminder = await createBroadcast(t.db, {
    staff: admin,
    content: { text: 'Finish signing up' },
    target: { segment: 'unfinished_signup' },
  });
  const started = await startBroadcast(deps(), { staff: admin, broadcastId: reminder.id });
  const deliveries = await t.db.broadcastDelivery.findMany({ where: { broadcastId: reminder.id } });
  assert.deepEqual(
    deliveries.map((d) => d.userId),
    [unfinished],
  );
  assert.equal(started.total, 1);
  await cancelBroadcast(deps(), { staff: admin, broadcastId: reminder.id });
});
