import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { NotificationNotSent, type TDeliveryOutcome, type TNotifyJob } from './notify-job.ts';
import { NOTIFICATION_SENDS_KEPT_MS, pruneNotificationSends } from './prune-notification-sends.ts';
import { sendNotificationOnce } from './send-notification-once.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.drop());

const job: TNotifyJob = { bot: 'user', chatId: '42', text: 'hello' };
let keys = 0;
const nextKey = () => `once-test-${++keys}`;

/** A send that counts its calls; by default Telegram answers with message id 100 + the call's number. */
function counter(answer?: () => Promise<TDeliveryOutcome>) {
  const calls = { n: 0 };
  const send = (): Promise<TDeliveryOutcome> => {
    calls.n += 1;
    return answer ? answer() : Promise.resolve({ kind: 'sent', messageId: 100 + calls.n });
  };
  return { calls, send };
}

test('a notification is sent and recorded once; a rerun returns the recorded id without sending', async () => {
  const key = nextKey();
  const { calls, send } = counter();
  assert.deepEqual(await sendNotificationOnce(database.db, { key, job, send }), {
    kind: 'sent',
    messageId: 101,
  });
  assert.deepEqual(await sendNotificationOnce(database.db, { key, job, send }), {
    kind: 'sent',
    messageId: 101,
  });
  assert.equal(calls.n, 1);
  const row = await database.db.notificationSend.findUniqueOrThrow({ where: { key } });
  assert.deepEqual([row.bot, row.chatId, row.messageId, row.sentAt !== null], ['user', 42n, 101, true]);
});

test('a claim that never got its answer is unknown and is never sent again', async () => {
  const key = nextKey();
  // What a process that died between Telegram's answer and our write leaves behind.
  await database.db.notificationSend.create({ data: { key, bot: 'user', chatId: 42n } });
  const { calls, send } = counter();
  assert.deepEqual(await sendNotificationOnce(database.db, { key, job, send }), { kind: 'unknown' });
  assert.equal(calls.n, 0);

  // A send that broke without an answer (a timeout, a 5xx) keeps its claim the same way.
  const lostKey = nextKey();
  const lost = counter(async () => {
    throw new Error('socket hang up');
  });
  await assert.rejects(sendNotificationOnce(database.db, { key: lostKey, job, send: lost.send }), /hang up/);
  const retry = counter();
  assert.deepEqual(await sendNotificationOnce(database.db, { key: lostKey, job, send: retry.send }), {
    kind: 'unknown',
  });
  assert.equal(retry.calls.n, 0, 'never sent again');
});

test('a refused send frees the claim, and the retry sends exactly once', async () => {
  const key = nextKey();
  const refused = counter(async () => {
    throw new NotificationNotSent('Bad Request: can not parse entities');
  });
  await assert.rejects(
    sendNotificationOnce(database.db, { key, job, send: refused.send }),
    NotificationNotSent,
  );
  assert.equal(await database.db.notificationSend.count({ where: { key } }), 0);
  const retried = counter();
  assert.equal((await sendNotificationOnce(database.db, { key, job, send: retried.send })).kind, 'sent');
  assert.equal((await sendNotificationOnce(database.db, { key, job, send: retried.send })).kind, 'sent');
  assert.equal(retried.calls.n, 1);
});

test('429 and blocked answers free the claim and are passed on', async () => {
  const limited = nextKey();
  const slow = counter(async () => ({ kind: 'retry_after', seconds: 3 }));
  assert.deepEqual(await sendNotificationOnce(database.db, { key: limited, job, send: slow.send }), {
    kind: 'retry_after',
    seconds: 3,
  });
  const later = counter();
  assert.equal(
    (await sendNotificationOnce(database.db, { key: limited, job, send: later.send })).kind,
    'sent',
  );
  assert.equal(later.calls.n, 1, 'the job moved back by retry_after sends when it runs again');

  const blocked = nextKey();
  const no = counter(async () => ({ kind: 'blocked' }));
  assert.deepEqual(await sendNotificationOnce(database.db, { key: blocked, job, send: no.send }), {
    kind: 'blocked',
  });
  assert.equal(await database.db.notificationSend.count({ where: { key: blocked } }), 0);
});

test('two runs at the same moment: one claims and sends, the other sees the send under way', async () => {
  const key = nextKey();
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { calls, send } = counter(async () => {
    await gate;
    return { kind: 'sent', messageId: 7 };
  });
  const first = sendNotificationOnce(database.db, { key, job, send });
  while (calls.n === 0) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(await sendNotificationOnce(database.db, { key, job, send }), { kind: 'unknown' });
  release();
  assert.deepEqual(await first, { kind: 'sent', messageId: 7 });
  assert.equal(calls.n, 1);
});

test('pruning deletes the rows older than a week and keeps the rest', async () => {
  const now = new Date();
  const old = nextKey();
  const recent = nextKey();
  await database.db.notificationSend.createMany({
    data: [
      {
        key: old,
        bot: 'user',
        chatId: 1n,
        claimedAt: new Date(now.getTime() - NOTIFICATION_SENDS_KEPT_MS - 1),
      },
      {
        key: recent,
        bot: 'user',
        chatId: 1n,
        claimedAt: new Date(now.getTime() - NOTIFICATION_SENDS_KEPT_MS + 60_000),
      },
    ],
  });
  assert.ok((await pruneNotificationSends(database.db, { now })) >= 1);
  assert.equal(await database.db.notificationSend.count({ where: { key: old } }), 0);
  assert.equal(await database.db.notificationSend.count({ where: { key: recent } }), 1);
});
