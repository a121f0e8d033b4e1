import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { deliverNotification, type TSend } from './deliver-notification.ts';
import type { TDeliveryOutcome, TNotifyJob } from './notify-job.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

const recordingSend = (outcome: TDeliveryOutcome) => {
  const sent: TNotifyJob[] = [];
  const send: TSend = async (job) => {
    sent.push(job);
    return outcome;
  };
  return { sent, send };
};

let keys = 0;
const nextKey = () => `deliver-test-${++keys}`;

const jobFor = (id: bigint): TNotifyJob => ({
  bot: 'user',
  chatId: id.toString(),
  userId: id.toString(),
  text: 'hi',
});

test('a 403 marks the user as having blocked the bot, and later notifications skip Telegram', async () => {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'B' });
  const blocked = recordingSend({ kind: 'blocked' });
  assert.deepEqual(
    await deliverNotification({ db: t.db, send: blocked.send }, { key: nextKey(), job: jobFor(user.id) }),
    {
      status: 'blocked',
    },
  );
  const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.ok(row.botBlockedAt);

  const later = recordingSend({ kind: 'sent', messageId: 1 });
  assert.deepEqual(
    await deliverNotification({ db: t.db, send: later.send }, { key: nextKey(), job: jobFor(user.id) }),
    {
      status: 'skipped_blocked',
    },
  );
  assert.equal(later.sent.length, 0);
});

test('writing to the bot again clears the blocked mark', async () => {
  const id = uniqueTelegramId();
  await touchUser(t.db, { id, firstName: 'C' });
  await deliverNotification(
    { db: t.db, send: recordingSend({ kind: 'blocked' }).send },
    { key: nextKey(), job: jobFor(id) },
  );
  const { user } = await touchUser(t.db, { id, firstName: 'C' }, { now: new Date(Date.now() + 120_000) });
  assert.equal(user.botBlockedAt, null);
});

test('retry_after becomes a delay slightly longer than Telegram asked for', async () => {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'D' });
  const result = await deliverNotification(
    { db: t.db, send: recordingSend({ kind: 'retry_after', seconds: 3 }).send },
    { key: nextKey(), job: jobFor(user.id) },
  );
  assert.equal(result.status, 'retry');
  assert.ok(result.status === 'retry' && result.delayMs >= 3000 && result.delayMs < 4000);
});
