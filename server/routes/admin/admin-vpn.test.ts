import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sign } from '@telegram-apps/init-data-node';
import type { Role } from '#core/db/generated/client.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import { VPN_PRODUCTS } from '#core/vpn/plans.ts';
import { tierTerms } from '#core/vpn/subscription/subscription-store.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { ZAdminMeSchema, ZAdminVpnServersSchema, ZAdminVpnStatsSchema } from '#server/contracts/admin-vpn.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

const DAY = 86_400_000;
let panel: TRemnawaveStandIn;
let server: MiniAppTestServer;

before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  server = await startMiniAppTestServer(
    {},
    {
      env: {
        REMNAWAVE_URL: panel.url,
        REMNAWAVE_TOKEN: panel.token,
        REMNAWAVE_TIMEOUT_MS: '5000',
        REMNAWAVE_MAX_ATTEMPTS: '2',
      },
    },
  );
});
after(async () => {
  await server?.close();
  await panel?.close();
});

/** A platform user, with a staff role when given. */
async function person(role?: Role): Promise<bigint> {
  const id = uniqueTelegramId();
  await server.database.db.user.create({
    data: { id, firstName: 'Staff', referralCode: `adm${id}`, language: 'ru' },
  });
  if (role) await server.database.db.adminRole.create({ data: { userId: id, role } });
  return id;
}

/** initData as Telegram signs it for the bot whose menu button opened the app. */
const tma = (id: bigint, token: string, at = new Date()) => ({
  authorization: `tma ${sign({ user: { id: Number(id), first_name: 'Staff', language_code: 'ru' } }, token, at)}`,
});
const asAdmin = (id: bigint, at?: Date) => tma(id, server.config.ADMIN_BOT_TOKEN, at);
const get = (url: string, headers: Record<string, string>) => server.app.inject({ url, headers });

async function paidPeriod(userId: bigint, createdAt: Date, source: 'paid' | 'trial' = 'paid') {
  await server.database.db.vpnPeriod.create({
    data: {
      userId,
      source,
      tier: source === 'trial' ? 'trial' : 'basic',
      productId: source === 'trial' ? null : 'vpn-basic-30d',
      days: 30,
      startsAt: createdAt,
      endsAt: new Date(createdAt.getTime() + 30 * DAY),
      createdAt,
    },
  });
}

test('admin initData opens the servers table from the panel: status, users online, traffic, country', async () => {
  const admin = await person('admin');
  const client = panelFromEnv(server.config);
  assert.ok(client);
  const panelUser = await client.createUser({ telegramId: 77n, expireAt: new Date(Date.now() + 9 * DAY) });
  const frankfurt = panel.control.nodes().find((n) => n.name === 'Frankfurt');
  assert.ok(frankfurt);
  panel.control.addTraffic(panelUser.id, 5_000_000_000, frankfurt.uuid);
  panel.control.setNodeOnline('Amsterdam', false);

  const res = await get('/api/admin/vpn/servers', asAdmin(admin));
  assert.equal(res.statusCode, 200, res.body);
  const { servers } = ZAdminVpnServersSchema.parse(res.json());
  const byName = new Map(servers.map((s) => [s.name, s]));
  assert.deepEqual(
    { ...byName.get('Amsterdam'), uuid: '' },
    {
      uuid: '',
      name: 'Amsterdam',
      countryCode: 'NL',
      flag: '🇳🇱',
      online: false,
      disabled: false,
      usersOnline: 0,
      trafficUsedBytes: '0',
    },
  );
  assert.equal(byName.get('Frankfurt')?.online, true);
  assert.equal(byName.get('Frankfurt')?.flag, '🇩🇪');
  assert.equal(byName.get('Frankfurt')?.trafficUsedBytes, '5000000000');
  panel.control.setNodeOnline('Amsterdam', true);
});

test('admin initData gets the VPN figures with the daily series of new subscribers and renewals', async () => {
  const admin = await person('analyst');
  const now = Date.now();
  const today = new Date(Math.floor(now / DAY) * DAY);
  // One new paid subscriber 2 days ago (after a trial), one who first paid 40 days ago and renewed yesterday.
  const fresh = await person();
  await server.database.db.vpnSubscription.create({
    data: { userId: fresh, ...tierTerms('basic'), expiresAt: new Date(now + 28 * DAY) },
  });
  await paidPeriod(fresh, new Date(today.getTime() - 5 * DAY + 3600_000), 'trial');
  await paidPeriod(fresh, new Date(today.getTime() - 2 * DAY + 3600_000));
  const loyal = await person();
  await server.database.db.vpnSubscription.create({
    data: { userId: loyal, ...tierTerms('basic'), expiresAt: new Date(now + 29 * DAY) },
  });
  await paidPeriod(loyal, new Date(today.getTime() - 40 * DAY));
  await paidPeriod(loyal, new Date(today.getTime() - DAY + 3600_000));

  const res = await get('/api/admin/vpn/stats', asAdmin(admin));
  assert.equal(res.statusCode, 200, res.body);
  const stats = ZAdminVpnStatsSchema.parse(res.json());
  assert.equal(stats.days, 30);
  assert.deepEqual(stats.active, { paid: 2, trial: 0, free: 0 });
  assert.equal(stats.newPaid, 1);
  assert.equal(stats.renewals, 1);
  assert.equal(stats.trialUsers, 1);
  assert.equal(stats.trialConverted, 1);
  assert.equal(stats.conversionBp, 10_000);
  // Two basic 30-day plans: twice the plan's RUB price per month.
  const basic = VPN_PRODUCTS.find((p) => p.id === 'vpn-basic-30d')?.prices.RUB;
  assert.ok(basic);
  assert.equal(stats.mrrKopecks, String(BigInt(basic) * 2n));
  assert.equal(stats.daily.length, 30);
  const dayOf = (back: number) => new Date(today.getTime() - back * DAY).toISOString().slice(0, 10);
  assert.equal(stats.daily.at(-1)?.day, dayOf(0), 'the series ends today');
  assert.equal(stats.daily[0]?.day, dayOf(29));
  const nonZero = stats.daily.filter((d) => d.newPaid + d.renewals > 0);
  assert.deepEqual(nonZero, [
    { day: dayOf(2), newPaid: 1, renewals: 0 },
    { day: dayOf(1), newPaid: 0, renewals: 1 },
  ]);
});

test('admin /me names the role and the screens it opens', async () => {
  const viewer = await person('viewer');
  const res = await get('/api/admin/me', asAdmin(viewer));
  assert.equal(res.statusCode, 200, res.body);
  const me = ZAdminMeSchema.parse(res.json());
  assert.equal(me.staff.role, 'viewer');
  assert.deepEqual(me.can, { vpnServers: true, vpnStats: false });
});

test('initData signed by the user bot, forged or expired is refused with 401', async () => {
  const admin = await person('super_admin');
  const userBot = sign(
    { user: { id: Number(admin), first_name: 'Staff' } },
    '111:user-token-for-miniapp-route-tests',
    new Date(),
  );
  const forged = asAdmin(admin).authorization.replace('Staff', 'Admin');
  const expired = asAdmin(
    admin,
    new Date(Date.now() - (server.config.INIT_DATA_MAX_AGE_SECONDS + 60) * 1000),
  );
  for (const authorization of [`tma ${userBot}`, forged, expired.authorization, '']) {
    for (const url of ['/api/admin/vpn/servers', '/api/admin/vpn/stats', '/api/admin/me']) {
      const res = await get(url, { authorization });
      assert.equal(res.statusCode, 401, `${url} ${authorization.slice(0, 30)}`);
      assert.equal(res.json().error.code, 'UNAUTHORIZED');
    }
  }
  // And the other way round: admin-signed data does not open the user API.
  assert.equal((await get('/api/me', asAdmin(admin))).statusCode, 401);
});

test('a role without the permission and a non-staff user get 403; the role is read on every call', async () => {
  const viewer = await person('viewer');
  const refused = await get('/api/admin/vpn/stats', asAdmin(viewer));
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'FORBIDDEN');
  assert.equal((await get('/api/admin/vpn/servers', asAdmin(viewer))).statusCode, 200);

  const nobody = await person();
  const stranger = uniqueTelegramId();
  for (const id of [nobody, stranger])
    for (const url of ['/api/admin/vpn/servers', '/api/admin/vpn/stats', '/api/admin/me'])
      assert.equal((await get(url, asAdmin(id))).statusCode, 403, `${id} ${url}`);
  assert.equal(await server.database.db.user.count({ where: { id: stranger } }), 0, 'no account made');

  // Same launch (same initData), role revoked meanwhile: the next call is refused.
  const analyst = await person('analyst');
  const launch = asAdmin(analyst);
  assert.equal((await get('/api/admin/vpn/stats', launch)).statusCode, 200);
  await server.database.db.adminRole.delete({ where: { userId: analyst } });
  assert.equal((await get('/api/admin/vpn/stats', launch)).statusCode, 403);

  // A banned staff member is locked out like everyone else.
  const banned = await person('super_admin');
  await server.database.db.user.update({ where: { id: banned }, data: { status: 'banned' } });
  assert.equal((await get('/api/admin/vpn/servers', asAdmin(banned))).statusCode, 403);
});
