import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';
import { applyPanelUserEvent, type TPanelUserEvent } from './apply-panel-user-event.ts';
import { scanExpiryNotices } from './scan-expiry-notices.ts';
import { sendVpnNotice, type TNoticeDeps } from './send-vpn-notice.ts';

let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let deps: TNoticeDeps;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  deps = {
    db: t.db,
    notifyQueue: queue,
    translator: loadTranslator(LOCALES_DIR),
    miniAppUrl: 'https://app.example.test',
  };
});
after(async () => {
  await queue.close();
  await t.drop();
  await redis.cleanup();
});

const HOUR = 3600_000;
let nextId = 5_000_000_000n;
const newUserId = () => nextId++;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

/** The notify jobs queued for one user, by text. */
async function messagesTo(userId: bigint): Promise<TNotifyJob[]> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  return jobs.filter((j) => j.data.chatId === userId.toString()).map((j) => j.data);
}

const noticesOf = (userId: bigint) =>
  t.db.vpnNotice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

/** A webhook as verifyPanelWebhook types it, for the panel user `tg_<id>`. */
function panelEvent(
  userId: bigint,
  event: TPanelUserEvent['event'],
  expireAt: Date,
  extra: Partial<TPanelUserEvent> = {},
): TPanelUserEvent {
  return {
    kind: 'user',
    event,
    sentAs: event,
    timestamp: new Date(),
    user: { username: `tg_${userId}`, status: 'ACTIVE', telegramId: Number(userId), expireAt },
    ...extra,
  };
}

test('each reminder goes once although the scan runs twice and the webhook also fires', async () => {
  const now = new Date();
  const userId = newUserId();
  const expiresAt = at(now, 60);
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt, language: 'ru' }]);

  const first = await scanExpiryNotices(deps, { now });
  assert.equal(first.sent, 1, 'the 72 h reminder is sent');
  const second = await scanExpiryNotices(deps, { now });
  assert.equal(second.sent, 0, 'a second scan finds it claimed');
  const hook = await applyPanelUserEvent(
    deps,
    panelEvent(userId, 'user.expiration', expiresAt, { hoursFromExpiry: -72 }),
    now,
  );
  assert.deepEqual(hook, { kind: 'applied', notice: 'expires_72h', outcome: 'already' });

  const messages = await messagesTo(userId);
  assert.equal(messages.length, 1, 'one message queued');
  assert.match(messages[0]?.text ?? '', /через 3 дня/, 'in the user’s language');
  assert.match(messages[0]?.text ?? '', /\/vpn/, 'names the command that renews');
  assert.deepEqual(
    messages[0]?.buttons,
    [[{ text: 'Открыть приложение', webApp: 'https://app.example.test' }]],
    'with the Mini App button',
  );
  assert.deepEqual(
    (await noticesOf(userId)).map((n) => [n.kind, n.period]),
    [['expires_72h', expiresAt.toISOString()]],
  );

  // A day later the 24 h reminder is its own notice, sent once as well.
  const later = at(now, 40);
  assert.equal((await scanExpiryNotices(deps, { now: later })).sent, 1);
  assert.equal((await scanExpiryNotices(deps, { now: later })).sent, 0);
  assert.equal((await messagesTo(userId)).length, 2);
});

test('the webhook first, then the scan: still one notice', async () => {
  const now = new Date();
  const userId = newUserId();
  const expiresAt = at(now, -1);
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt }]);
  const hook = await applyPanelUserEvent(deps, panelEvent(userId, 'user.expired', expiresAt), now);
  assert.deepEqual(hook, { kind: 'applied', notice: 'expired', outcome: 'sent' });
  const scan = await scanExpiryNotices(deps, { now });
  assert.equal(scan.sent, 0, 'the scan sees the webhook’s claim');
  assert.equal((await messagesTo(userId)).length, 1);
});

test('a renewal moves the expiry: the new period gets its own 72 h reminder', async () => {
  const now = new Date();
  const userId = newUserId();
  const firstExpiry = at(now, 70);
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt: firstExpiry }]);
  assert.equal((await scanExpiryNotices(deps, { now })).sent, 1);

  const renewedExpiry = at(firstExpiry, 30 * 24);
  await t.db.vpnSubscription.update({ where: { userId }, data: { expiresAt: renewedExpiry } });
  const beforeNewWindow = await sendVpnNotice(deps, { userId, kind: 'expires_72h', now });
  assert.equal(beforeNewWindow, 'stale', 'the old reminder is no longer true');

  const nearNewExpiry = at(renewedExpiry, -70);
  assert.equal((await scanExpiryNotices(deps, { now: nearNewExpiry })).sent, 1);
  assert.deepEqual(
    (await noticesOf(userId)).map((n) => n.period),
    [firstExpiry.toISOString(), renewedExpiry.toISOString()],
    'one 72 h notice per period',
  );
});

test('a subscription renewed after it expired does not get the old "expired"', async () => {
  const now = new Date();
  const userId = newUserId();
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt: at(now, -2) }]);
  // The scan (or the panel) saw it expired; the user renewed before the notice went out.
  await t.db.vpnSubscription.update({ where: { userId }, data: { expiresAt: at(now, 30 * 24) } });
  assert.equal(await sendVpnNotice(deps, { userId, kind: 'expired', now }), 'stale');
  const hook = await applyPanelUserEvent(deps, panelEvent(userId, 'user.expired', at(now, -2)), now);
  assert.deepEqual(hook, { kind: 'applied', notice: 'expired', outcome: 'stale' });
  assert.equal((await scanExpiryNotices(deps, { now })).sent, 0);
  assert.equal((await messagesTo(userId)).length, 0);
  assert.equal((await noticesOf(userId)).length, 0);
});

test('a trial gets trial_ending, not the day reminders, by scan and by webhook', async () => {
  const now = new Date();
  const userId = newUserId();
  const expiresAt = at(now, 40);
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt, tier: 'trial', trafficGb: 2 }]);
  assert.equal((await scanExpiryNotices(deps, { now })).sent, 0, 'no "3 days left" on a 2-day trial');
  const hook = await applyPanelUserEvent(
    deps,
    panelEvent(userId, 'user.expiration', expiresAt, { hoursFromExpiry: -24 }),
    at(now, 16),
  );
  assert.deepEqual(hook, { kind: 'applied', notice: 'trial_ending', outcome: 'stale' }, '24 h before: early');
  assert.equal((await scanExpiryNotices(deps, { now: at(now, 38.5) })).sent, 1);
  const [message] = await messagesTo(userId);
  assert.match(message?.text ?? '', /trial ends in 2 hours/);
});

test('an unknown panel user changes nothing', async () => {
  const hook = await applyPanelUserEvent(deps, panelEvent(4_999_999_999n, 'user.expired', new Date()));
  assert.deepEqual(hook, { kind: 'unknown_user' });
});

test('a scan over 5,000 subscriptions sends exactly the due notices, and a second scan none', async () => {
  const now = new Date();
  // Per ten users: one in the 72 h window, one in the 24 h one, one just expired, one trial ending, and
  // six with nothing due (far off, long expired, a trial far from its end, an expiry exactly 72 h out
  // plus a minute, an admin-disabled one, one already told).
  const offsets = [48, 12, -1, 1, 24 * 10, -24 * 10, 30, 72 + 1 / 60, -5, 50];
  const base = 6_000_000_000n;
  const subs = Array.from({ length: 5000 }, (_, i) => ({
    userId: base + BigInt(i),
    expiresAt: at(now, offsets[i % 10] ?? 0),
    tier: i % 10 === 3 || i % 10 === 6 ? 'trial' : 'pro',
  }));
  await seedVpnSubscriptions(t.db, subs);
  const disabled = subs.filter((_, i) => i % 10 === 8).map((s) => s.userId);
  await t.db.vpnSubscription.updateMany({ where: { userId: { in: disabled } }, data: { disabledAt: now } });
  const told = subs.filter((_, i) => i % 10 === 9);
  await t.db.vpnNotice.createMany({
    data: told.map((s) => ({ userId: s.userId, kind: 'expires_72h', period: s.expiresAt.toISOString() })),
  });

  const first = await scanExpiryNotices(deps, { now, batchSize: 700 });
  assert.equal(first.sent, 2000, '4 of every 10');
  assert.equal(first.stale + first.already + first.no_subscription, 0);
  const second = await scanExpiryNotices(deps, { now, batchSize: 700 });
  assert.equal(second.sent, 0);
  assert.equal(second.due, 0, 'nothing even tried: the claims came with the page');

  const counts = await t.db.vpnNotice.groupBy({
    by: ['kind'],
    where: { userId: { gte: base, lt: base + 5000n } },
    _count: true,
  });
  assert.deepEqual(
    Object.fromEntries(counts.map((c) => [c.kind, c._count])),
    { expires_72h: 1000, expires_24h: 500, expired: 500, trial_ending: 500 },
    'the 500 already told keep their one claim',
  );
});
