import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createPanelClient, type TPanelClient } from '#core/vpn/panel/panel-client.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';

const SECRET = randomBytes(32).toString('hex');
let server: MiniAppTestServer;
let queue: Queue<TNotifyJob> | undefined;
let panel: TRemnawaveStandIn;
let client: TPanelClient;

before(async () => {
  server = await startMiniAppTestServer(
    {},
    {
      env: { REMNAWAVE_WEBHOOK_SECRET: SECRET },
      deps: ({ redis }) => {
        queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
          connection: redis.redis,
          prefix: `${redis.prefix}:bull`,
        });
        return { payments: { notifyQueue: queue } };
      },
    },
  );
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  panel = await startRemnawaveStandIn({
    port: 0,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/remnawave`,
    webhookSecret: SECRET,
    webhookRetry: { attempts: 1, delayMs: 10 },
  });
  client = createPanelClient({ baseUrl: panel.url, token: panel.token, timeoutMs: 5_000, maxAttempts: 2 });
});
after(async () => {
  await panel?.close();
  await queue?.close();
  await server?.close();
});

const HOUR = 3600_000;
let nextId = 7_100_000_000n;

/** One of our users with a paid subscription and its panel user, expiring in `hours`. */
async function subscriber(hours: number) {
  const userId = nextId++;
  const expiresAt = new Date(Math.round((Date.now() + hours * HOUR) / 1000) * 1000);
  const { user } = await client.ensureUser({ telegramId: userId, expireAt: expiresAt, trafficLimitBytes: 0 });
  await seedVpnSubscriptions(server.database.db, [{ userId, expiresAt, panelUserId: user.id }]);
  return { userId, panelUserId: user.id, expiresAt };
}

const noticesOf = (userId: bigint) => server.database.db.vpnNotice.findMany({ where: { userId } });

async function messagesTo(userId: bigint): Promise<TNotifyJob[]> {
  const jobs = (await queue?.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])) ?? [];
  return jobs.filter((j) => j.data.chatId === userId.toString()).map((j) => j.data);
}

const panelUserJson = (panelUserId: number) => {
  const found = panel.control.users().find((u) => u.id === panelUserId);
  if (!found) throw new Error(`no panel user ${panelUserId}`);
  return found;
};

test('a forged or unsigned webhook is refused with 401 and changes nothing', async () => {
  const { userId, panelUserId } = await subscriber(-1);
  const body = {
    scope: 'user',
    event: 'user.expired',
    timestamp: new Date().toISOString(),
    data: panelUserJson(panelUserId),
    meta: null,
  };
  assert.equal((await panel.control.sendWebhook(body, { signWith: 'x'.repeat(64) })).status, 401);
  assert.equal((await panel.control.sendWebhook(body, { signWith: null })).status, 401);
  assert.equal((await noticesOf(userId)).length, 0);
  assert.equal((await panel.control.sendWebhook(body)).status, 200, 'the same body, signed, is taken');
  assert.deepEqual(
    (await noticesOf(userId)).map((n) => n.kind),
    ['expired'],
  );
  assert.equal((await messagesTo(userId)).length, 1, 'and its notice queued');
});

test('user.expiration (signed hours) from the panel queues the reminder once, even when repeated', async () => {
  const { userId, panelUserId } = await subscriber(72);
  panel.control.fireUserWebhook('user.expiration', panelUserId, { expiration: -72 });
  panel.control.fireUserWebhook('user.expiration', panelUserId, { expiration: -72 });
  await panel.control.flushWebhooks();
  assert.ok(
    panel.control.webhooks().every((d) => d.delivered && d.lastStatus === 200),
    'every delivery answered 200',
  );
  assert.deepEqual(
    (await noticesOf(userId)).map((n) => n.kind),
    ['expires_72h'],
  );
  const messages = await messagesTo(userId);
  assert.equal(messages.length, 1);
  assert.match(messages[0]?.text ?? '', /ends in 3 days/);
});

test('the pre-2.8 reminder names are handled the same way', async () => {
  const { userId, panelUserId } = await subscriber(24);
  const body = {
    event: 'user.expires_in_24_hours',
    timestamp: new Date().toISOString(),
    data: panelUserJson(panelUserId),
  };
  assert.equal((await panel.control.sendWebhook(body)).status, 200);
  assert.deepEqual(
    (await noticesOf(userId)).map((n) => n.kind),
    ['expires_24h'],
  );
});

test('first connection and traffic from the panel: usage stored, "it works" and 80 % sent once', async () => {
  const userId = nextId++;
  const expiresAt = new Date(Date.now() + 20 * 24 * HOUR);
  const limit = 10 * 1024 ** 3;
  const { user } = await client.ensureUser({
    telegramId: userId,
    expireAt: expiresAt,
    trafficLimitBytes: limit,
  });
  await seedVpnSubscriptions(server.database.db, [
    { userId, expiresAt, panelUserId: user.id, trafficGb: 10 },
  ]);
  panel.control.addTraffic(user.id, 1024 ** 3);
  panel.control.addTraffic(user.id, Math.ceil(limit * 0.7));
  await panel.control.flushWebhooks();
  const row = await server.database.db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.equal(row.usedTrafficBytes, BigInt(1024 ** 3 + Math.ceil(limit * 0.7)), 'usage from the payload');
  assert.ok(row.firstConnectedAt, 'first connection stored');
  assert.deepEqual((await noticesOf(userId)).map((n) => n.kind).sort(), ['first_connected', 'traffic_80']);
});

test('an event about a user we do not have answers 200 (the panel must not retry forever)', async () => {
  const { user } = await client.ensureUser({
    telegramId: 7_199_999_999n,
    expireAt: new Date(Date.now() + HOUR),
  });
  const body = {
    scope: 'user',
    event: 'user.expired',
    timestamp: new Date().toISOString(),
    data: panelUserJson(user.id),
    meta: null,
  };
  assert.equal((await panel.control.sendWebhook(body)).status, 200);
});

test('node events are taken (200) without touching any subscription', async () => {
  const node = panel.control.nodes()[0];
  assert.ok(node);
  const before = panel.control.webhooks().length;
  panel.control.setNodeOnline(node.uuid, false);
  panel.control.setNodeOnline(node.uuid, true);
  await panel.control.flushWebhooks();
  const deliveries = panel.control.webhooks().slice(before);
  assert.equal(deliveries.length, 2);
  assert.ok(deliveries.every((d) => d.delivered && d.lastStatus === 200));
});

test('a body over 64 KB is refused before its signature is even checked', async () => {
  const answer = await server.app.inject({
    method: 'POST',
    url: '/webhooks/remnawave',
    headers: { 'content-type': 'application/json', 'x-remnawave-signature': 'a'.repeat(64) },
    payload: JSON.stringify({ event: 'user.expired', padding: 'x'.repeat(70 * 1024) }),
  });
  assert.ok(answer.statusCode === 413 || answer.statusCode === 400, `got ${answer.statusCode}`);
});

test('with no REMNAWAVE_WEBHOOK_SECRET the route does not exist', async () => {
  const plain = await startMiniAppTestServer();
  try {
    const answer = await plain.app.inject({
      method: 'POST',
      url: '/webhooks/remnawave',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(answer.statusCode, 404);
  } finally {
    await plain.close();
  }
});
