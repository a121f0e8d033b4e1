import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';
import type { TNoticeDeps } from '../notices/send-vpn-notice.ts';
import { createPanelClient, type TPanelClient } from '../panel/panel-client.ts';
import type { TPanelConfig } from '../panel/panel-config.ts';
import { createPanelUserPages, type TPanelUserPages } from './stream-panel-users.ts';
import { syncPanelUsage } from './sync-panel-usage.ts';

let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let panel: TRemnawaveStandIn;
let client: TPanelClient;
let pages: TPanelUserPages;
let deps: TNoticeDeps;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  panel = await startRemnawaveStandIn({ port: 0 });
  const config: TPanelConfig = { baseUrl: panel.url, token: panel.token, timeoutMs: 5_000, maxAttempts: 2 };
  client = createPanelClient(config);
  pages = createPanelUserPages(config);
  deps = { db: t.db, notifyQueue: queue, translator: loadTranslator(LOCALES_DIR), miniAppUrl: null };
});
after(async () => {
  await panel?.close();
  await queue.close();
  await t.drop();
  await redis.cleanup();
});

const GIB = 1024 ** 3;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function subscriber(userId: bigint, trafficGb: number) {
  const expiresAt = inDays(20);
  const { user } = await client.ensureUser({
    telegramId: userId,
    expireAt: expiresAt,
    trafficLimitBytes: trafficGb * GIB,
  });
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt, trafficGb, panelUserId: user.id }]);
  return user.id;
}

const kindsOf = async (userId: bigint) =>
  (await t.db.vpnNotice.findMany({ where: { userId } })).map((n) => n.kind).sort();

test('the sync pages through the panel, stores usage and sends 80 % and "it works" once', async () => {
  const heavy = 8_100_000_001n;
  const idle = 8_100_000_002n;
  const unlimited = 8_100_000_003n;
  const heavyPanel = await subscriber(heavy, 10);
  await subscriber(idle, 10);
  const unlimitedPanel = await subscriber(unlimited, 0);
  // A panel user we never made (the operator's own): read, matched to nobody, left alone.
  await client.ensureUser({ telegramId: 8_100_000_999n, expireAt: inDays(5) });
  panel.control.addTraffic(heavyPanel, 8.5 * GIB);
  panel.control.addTraffic(unlimitedPanel, 500 * GIB);

  const first = await syncPanelUsage({ ...deps, pages }, { pageSize: 2 });
  assert.equal(first.panelUsers, 4, 'every page read');
  assert.equal(first.updated, 3, 'our three rows matched');
  assert.equal(first.sent, 3, '80 % for one, "it works" for two');

  const row = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: heavy } });
  assert.equal(row.usedTrafficBytes, BigInt(8.5 * GIB));
  assert.ok(row.firstConnectedAt && row.onlineAt, 'first connection and last online stored');
  assert.deepEqual(await kindsOf(heavy), ['first_connected', 'traffic_80']);
  assert.deepEqual(await kindsOf(idle), []);
  assert.deepEqual(await kindsOf(unlimited), ['first_connected'], 'no traffic notices without a limit');

  const again = await syncPanelUsage({ ...deps, pages }, { pageSize: 2 });
  assert.equal(again.sent + again.already + again.stale, 0, 'a second run finds nothing to send');

  panel.control.addTraffic(heavyPanel, 2 * GIB);
  const full = await syncPanelUsage({ ...deps, pages }, { pageSize: 3 });
  assert.equal(full.sent, 1);
  assert.deepEqual(await kindsOf(heavy), ['first_connected', 'traffic_100', 'traffic_80']);
  const messages = (await queue.getJobs(['waiting'])).filter((j) => j.data.chatId === heavy.toString());
  assert.equal(messages.length, 3, 'one message per notice');
});
