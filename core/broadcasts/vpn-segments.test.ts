import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { isAppError } from '#core/errors/app-error.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { tierTerms } from '#core/vpn/subscription/subscription-store.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis } from '#tests/support/test-redis.ts';
import { createBroadcast } from './create-broadcast.ts';
import { countSegmentUsers, segmentCondition, type TSegmentTarget } from './segment-users.ts';
import { startBroadcast } from './start-broadcast.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

let t: TestDatabase;
const ids: Record<string, bigint> = {};

before(async () => {
  t = await createTestDatabase();
  const person = async (
    name: string,
    sub: {
      tier: 'trial' | 'basic' | 'pro';
      expiresInDays: number;
      connected?: boolean;
      disabled?: boolean;
    } | null,
    flags: { banned?: boolean; blocked?: boolean; unfinished?: boolean } = {},
  ) => {
    const id = uniqueTelegramId();
    ids[name] = id;
    await t.db.user.create({
      data: {
        id,
        firstName: name,
        referralCode: `vseg${id}`,
        status: flags.banned ? 'banned' : 'active',
        botBlockedAt: flags.blocked ? NOW : null,
        signedUpAt: flags.unfinished ? null : at(-60),
        termsAcceptedAt: flags.unfinished ? null : at(-60),
      },
    });
    if (!sub) return;
    await t.db.vpnSubscription.create({
      data: {
        userId: id,
        ...tierTerms(sub.tier),
        expiresAt: at(sub.expiresInDays),
        firstConnectedAt: sub.connected === false ? null : at(-20),
        disabledAt: sub.disabled ? at(-1) : null,
      },
    });
  };
  await person('paid-long', { tier: 'pro', expiresInDays: 20 });
  await person('paid-ending', { tier: 'basic', expiresInDays: 2 });
  await person('paid-ending-later', { tier: 'basic', expiresInDays: 5 });
  await person('trial-new', { tier: 'trial', expiresInDays: 1, connected: false });
  await person('paid-unused', { tier: 'pro', expiresInDays: 25, connected: false });
  await person('lapsed', { tier: 'basic', expiresInDays: -3 });
  await person('lapsed-trial', { tier: 'trial', expiresInDays: -30, connected: false });
  await person('switched-off', { tier: 'pro', expiresInDays: 2, disabled: true });
  await person('no-vpn', null);
  await person('banned', { tier: 'pro', expiresInDays: 2, connected: false }, { banned: true });
  await person('blocked', { tier: 'trial', expiresInDays: 1, connected: false }, { blocked: true });
  await person('blocked-lapsed', { tier: 'basic', expiresInDays: -3 }, { blocked: true });
  await person('unfinished', { tier: 'trial', expiresInDays: 1, connected: false }, { unfinished: true });
});
after(() => t?.drop());

async function members(target: TSegmentTarget): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ id: bigint }[]>`
    SELECT u.id FROM users u WHERE ${segmentCondition(target, NOW)}`;
  assert.equal(await countSegmentUsers(t.db, target, NOW), rows.length, 'the preview count matches');
  return Object.entries(ids)
    .filter(([, id]) => rows.some((r) => r.id === id))
    .map(([name]) => name)
    .sort();
}

test('each VPN segment picks exactly its people; banned, blocked, unfinished and switched-off are in none', async () => {
  assert.deepEqual(await members({ segment: 'vpn_active' }), [
    'paid-ending',
    'paid-ending-later',
    'paid-long',
    'paid-unused',
  ]);
  assert.deepEqual(await members({ segment: 'vpn_trial' }), ['trial-new']);
  assert.deepEqual(await members({ segment: 'vpn_expiring', days: 3 }), ['paid-ending', 'trial-new']);
  assert.deepEqual(await members({ segment: 'vpn_expiring', days: 7 }), [
    'paid-ending',
    'paid-ending-later',
    'trial-new',
  ]);
  assert.deepEqual(await members({ segment: 'vpn_expired' }), ['lapsed', 'lapsed-trial']);
  // Help to connect goes to running subscriptions only: a lapsed trial nobody used is left alone.
  assert.deepEqual(await members({ segment: 'vpn_never_connected' }), ['paid-unused', 'trial-new']);
});

test('the expiring segment without a sensible number of days is refused, not widened', () => {
  for (const days of [undefined, null, 0, -1, 2.5, 1000])
    assert.throws(
      () => segmentCondition({ segment: 'vpn_expiring', days }, NOW),
      (error) => isAppError(error, 'INVALID_INPUT'),
      String(days),
    );
});

test('a VPN broadcast keeps its days from the draft to the recipients it materializes', async () => {
  const staff = { id: ids['paid-long'] as bigint, role: 'admin' as const };
  await t.db.adminRole.create({ data: { userId: staff.id, role: 'admin' } });
  const draft = await createBroadcast(t.db, {
    staff,
    content: { text: 'Your VPN ends soon' },
    target: { segment: 'vpn_expiring', days: 3 },
  });
  assert.equal(draft.days, 3);
  await assert.rejects(
    createBroadcast(t.db, { staff, content: { text: 'x' }, target: { segment: 'vpn_expiring' } }),
    (error) => isAppError(error, 'INVALID_INPUT'),
  );
  const plain = await createBroadcast(t.db, {
    staff,
    content: { text: 'x' },
    target: { segment: 'vpn_active', days: 3 },
  });
  assert.equal(plain.days, null, 'days belong to the expiring segment only');

  const redis = await createTestRedis();
  const queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
    connection: redis.redis,
    prefix: `${redis.prefix}:bull`,
  });
  try {
    await startBroadcast({ db: t.db, queue }, { staff, broadcastId: draft.id, now: NOW });
    const recipients = await t.db.broadcastDelivery.findMany({ where: { broadcastId: draft.id } });
    const names = Object.entries(ids)
      .filter(([, id]) => recipients.some((r) => r.userId === id))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(names, ['paid-ending', 'trial-new'], 'the stored 3 days chose the recipients');
  } finally {
    await queue.close();
    await redis.cleanup();
  }
});
