import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createLogger } from '#core/logging/logger.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { tierTerms } from '#core/vpn/subscription/subscription-store.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type TVpn, ZVpnDevicesSchema, ZVpnSchema, ZVpnServersSchema } from '#server/contracts/vpn.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

const DAY = 86_400_000;
const PUBLIC_URL = 'https://app.example.com';
let panel: TRemnawaveStandIn;
let server: MiniAppTestServer;
let userId: bigint;
let payingId: bigint;

// Only its presence matters here: the plans show a price per configured provider.
const stars: PaymentGateway = {
  open: async () => ({ confirmationUrl: 'https://t.me/$invoice' }),
  refund: async () => {
    throw new Error('not in these tests');
  },
};

before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  server = await startMiniAppTestServer(
    { stars },
    {
      env: {
        PUBLIC_URL,
        REMNAWAVE_URL: panel.url,
        REMNAWAVE_TOKEN: panel.token,
        REMNAWAVE_TIMEOUT_MS: '5000',
        REMNAWAVE_MAX_ATTEMPTS: '2',
      },
    },
  );
  const db = server.database.db;
  userId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Vera', languageCode: 'ru' })).user.id;
  payingId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Paul' })).user.id;
});
after(async () => {
  await server?.close();
  await panel?.close();
});

type TMethod = 'GET' | 'POST' | 'DELETE';
const call = (method: TMethod, url: string, body?: unknown, user = userId) =>
  server.app.inject({
    method,
    url,
    headers: server.auth({ id: user, language: 'ru' }),
    payload: body as never,
  });

async function vpn(user = userId): Promise<TVpn> {
  const response = await call('GET', '/api/vpn', undefined, user);
  assert.equal(response.statusCode, 200, response.body);
  return ZVpnSchema.parse(response.json());
}

/** The worker's part: the pending provision operation of the user, performed against the stand-in. */
async function provision(user = userId) {
  const db = server.database.db;
  const op = await db.serviceOperation.findFirst({
    where: { userId: user, operation: 'vpn.provision', status: 'pending' },
    orderBy: { id: 'desc' },
  });
  assert.ok(op, 'the trial asked for a panel user');
  const logger = createLogger({ level: 'silent', name: 'test' });
  const outcome = await performOperation({ db, logger, env: server.config, registry: REGISTRY }, op.id);
  assert.equal(outcome, 'done');
}

const panelUserOf = async (user = userId) => {
  const row = await server.database.db.vpnSubscription.findUniqueOrThrow({ where: { userId: user } });
  assert.ok(row.panelUserId !== null);
  return { panelUserId: row.panelUserId, shortUuid: row.shortUuid };
};

describe('the VPN page from no subscription to a working link', () => {
  test('no subscription: the trial is offered, every plan has a price and starts now, no link', async () => {
    const page = await vpn();
    assert.equal(page.available, true);
    assert.equal(page.trialAvailable, true);
    assert.equal(page.subscription, null);
    assert.equal(page.connect, null);
    assert.equal(page.plans.length, 16, '4 tiers × 4 durations');
    const basic = page.plans.find((p) => p.id === 'vpn-basic-30d');
    assert.ok(basic);
    assert.deepEqual(
      basic.prices.map((p) => [p.provider, p.currency]),
      [['stars', 'XTR']],
    );
    assert.equal(basic.renewal.kind, 'new');
    const expected = Date.now() + 30 * DAY;
    assert.ok(Math.abs(Date.parse(basic.renewal.expiresAt) - expected) < 60_000, 'thirty days from now');
    assert.deepEqual(page.addons, [], 'nothing to top up without a plan');
  });

  test('the trial starts "being set up"; a second one is refused in the user\'s language', async () => {
    const started = await call('POST', '/api/vpn/trial');
    assert.equal(started.statusCode, 200, started.body);
    const page = ZVpnSchema.parse(started.json());
    assert.equal(page.subscription?.tier, 'trial');
    assert.equal(page.subscription?.isTrial, true);
    assert.equal(page.subscription?.daysLeft, 2);
    assert.equal(page.subscription?.ready, false, 'the panel user is not made yet');
    assert.equal(page.connect, null, 'no link before the panel has the user');
    assert.equal(page.trialAvailable, false);

    const again = await call('POST', '/api/vpn/trial');
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().error, {
      code: 'VPN_TRIAL_USED',
      message: 'Вы уже использовали пробный период.',
    });
  });

  test('once provisioned: the link, its QR code and an import page per app', async () => {
    await provision();
    const page = await vpn();
    const { panelUserId, shortUuid } = await panelUserOf();
    const onPanel = panel.control.users().find((u) => u.id === panelUserId);
    assert.ok(onPanel && shortUuid);
    assert.equal(page.subscription?.ready, true);
    assert.equal(page.subscription?.trafficLimitBytes, String(2 * 1024 ** 3), 'the trial has 2 GB');
    assert.ok(page.connect);
    assert.equal(page.connect.subscriptionUrl, onPanel.subscriptionUrl);
    assert.match(page.connect.qrDataUrl, /^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    const happ = page.connect.clients.find((c) => c.id === 'happ');
    assert.equal(happ?.importUrl, `${PUBLIC_URL}/vpn/import/happ?s=${shortUuid}`);
    assert.ok(happ?.platforms.includes('ios'));
    assert.ok(page.connect.clients.every((c) => c.importUrl.endsWith(`?s=${shortUuid}`)));
  });

  test('devices: listed with "N of M"; removing one frees its slot', async () => {
    const { panelUserId } = await panelUserOf();
    panel.control.addDevice(panelUserId, { hwid: 'hw-phone', deviceModel: 'iPhone 15', osVersion: '18.1' });
    assert.throws(() => panel.control.addDevice(panelUserId, { hwid: 'hw-laptop' }), /limit/);
    const listed = await call('GET', '/api/vpn/devices');
    assert.equal(listed.statusCode, 200, listed.body);
    const devices = ZVpnDevicesSchema.parse(listed.json());
    assert.equal(devices.limit, 1, 'the trial allows one device');
    assert.deepEqual(
      devices.devices.map((d) => [d.hwid, d.model]),
      [['hw-phone', 'iPhone 15 · 18.1']],
    );

    const removed = await call('DELETE', '/api/vpn/devices/hw-phone');
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(ZVpnDevicesSchema.parse(removed.json()).devices, []);
    panel.control.addDevice(panelUserId, {
      hwid: 'hw-laptop',
      deviceModel: 'ThinkPad',
      osVersion: 'Windows 11',
    });
    const again = ZVpnDevicesSchema.parse((await call('GET', '/api/vpn/devices')).json());
    assert.deepEqual(
      again.devices.map((d) => [d.hwid, d.model]),
      [['hw-laptop', 'ThinkPad · Windows 11']],
      'the panel freed the slot',
    );
  });

  test('a new link replaces the old one, its QR code and its import pages', async () => {
    const before = await vpn();
    const revoked = await call('POST', '/api/vpn/revoke');
    assert.equal(revoked.statusCode, 200, revoked.body);
    const after = ZVpnSchema.parse(revoked.json());
    const { panelUserId, shortUuid } = await panelUserOf();
    assert.ok(before.connect && after.connect && shortUuid);
    assert.notEqual(after.connect.subscriptionUrl, before.connect.subscriptionUrl);
    assert.equal(
      after.connect.subscriptionUrl,
      panel.control.users().find((u) => u.id === panelUserId)?.subscriptionUrl,
    );
    assert.notEqual(after.connect.qrDataUrl, before.connect.qrDataUrl);
    assert.equal(after.connect.clients[0]?.importUrl.endsWith(`?s=${shortUuid}`), true);
  });

  test('auto-renew takes a VPN plan only', async () => {
    for (const productId of ['vpn-traffic-50gb', 'ai-sub-7d', 'nope']) {
      const refused = await call('POST', '/api/vpn/auto-renew', { on: true, productId });
      assert.equal(refused.statusCode, 400, productId);
      assert.equal(refused.json().error.code, 'INVALID_INPUT');
    }
    const on = await call('POST', '/api/vpn/auto-renew', { on: true, productId: 'vpn-pro-90d' });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal(ZVpnSchema.parse(on.json()).subscription?.autoRenewProduct, 'vpn-pro-90d');
    const off = ZVpnSchema.parse((await call('POST', '/api/vpn/auto-renew', { on: false })).json());
    assert.equal(off.subscription?.autoRenew, false);
    assert.equal(off.subscription?.autoRenewProduct, 'vpn-pro-90d', 'remembered for next time');
  });

  test('servers with their flags and whether they are up', async () => {
    const response = await call('GET', '/api/vpn/servers');
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(ZVpnServersSchema.parse(response.json()).servers, [
      { name: 'Amsterdam', countryCode: 'NL', flag: '🇳🇱', online: true },
      { name: 'Frankfurt', countryCode: 'DE', flag: '🇩🇪', online: true },
    ]);
  });
});

describe('renewal preview of a paying user', () => {
  test('the same tier adds to the expiry; another tier converts the days left; add-ons are offered', async () => {
    const expiresAt = new Date(Date.now() + 10 * DAY);
    await server.database.db.vpnSubscription.create({
      data: { userId: payingId, ...tierTerms('basic'), expiresAt },
    });
    const page = await vpn(payingId);
    assert.equal(page.trialAvailable, true, 'no paid period recorded, so the rule still allows it');
    const renew = page.plans.find((p) => p.id === 'vpn-basic-30d');
    assert.equal(renew?.renewal.kind, 'renew');
    assert.equal(renew?.renewal.expiresAt, new Date(expiresAt.getTime() + 30 * DAY).toISOString());
    assert.equal(renew?.renewal.conversion, null);
    const upgrade = page.plans.find((p) => p.id === 'vpn-cyber-30d');
    assert.equal(upgrade?.renewal.kind, 'change');
    // 10 days of Basic (199 ₽/30 d) are worth 10 × 199 / 899 = 2.2 days of Cyber.
    assert.deepEqual(upgrade?.renewal.conversion, { fromTier: 'basic', daysLeft: 10, convertedDays: 2.2 });
    assert.deepEqual(
      page.addons.map((a) => a.id),
      ['vpn-traffic-50gb', 'vpn-traffic-200gb', 'vpn-device-1'],
    );
    assert.equal(page.subscription?.ready, false, 'never synced to the panel');
    assert.equal(page.connect, null);
  });

  test('devices of a subscription the panel does not have yet: "still being set up"', async () => {
    const response = await call('GET', '/api/vpn/devices', undefined, payingId);
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'VPN_NOT_READY');
  });
});

describe('authentication', () => {
  test('no initData, or initData not signed by the bot: 401 on every VPN route', async () => {
    for (const [method, url] of [
      ['GET', '/api/vpn'],
      ['POST', '/api/vpn/trial'],
      ['GET', '/api/vpn/devices'],
    ] as const) {
      const bare = await server.app.inject({ method, url });
      assert.equal(bare.statusCode, 401, url);
      assert.equal(bare.json().error.code, 'UNAUTHORIZED');
      const forged = await server.app.inject({
        method,
        url,
        headers: { authorization: `${server.auth({ id: userId }).authorization}0` },
      });
      assert.equal(forged.statusCode, 401, `${url} with a bad signature`);
    }
  });
});
