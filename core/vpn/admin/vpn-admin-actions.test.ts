import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import type { TStaff } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createLogger } from '#core/logging/logger.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { type TVpnEnv, vpnEnv } from '../env.ts';
import { panelFromEnv } from '../panel-sync/panel-from-env.ts';
import { tierTerms } from '../subscription/subscription-store.ts';
import { adminExtendDays } from './admin-extend-days.ts';
import {
  adminListDevices,
  adminRemoveDevice,
  adminResetTraffic,
  adminRevokeLink,
  type TVpnAdminDeps,
} from './admin-panel-actions.ts';
import { adminSetEnabled } from './admin-set-enabled.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T12:00:00Z');

let t: TestDatabase;
let panel: TRemnawaveStandIn;
let env: TVpnEnv;
let deps: TVpnAdminDeps;
let admin: TStaff;
let support: TStaff;
let viewer: TStaff;
const logger = createLogger({ level: 'silent', name: 'vpn-admin-test' });

async function person(name: string): Promise<bigint> {
  const id = uniqueTelegramId();
  await t.db.user.create({ data: { id, firstName: name, referralCode: `va${id}` } });
  return id;
}

/** A subscriber on the ultra plan (5 devices, unlimited traffic) until `expiresAt`. */
async function subscriber(name: string, expiresAt: Date): Promise<bigint> {
  const id = await person(name);
  await t.db.vpnSubscription.create({ data: { userId: id, ...tierTerms('ultra'), expiresAt } });
  return id;
}

/** Runs every pending panel operation of this user the way the worker does. */
async function runPanelOperations(userId: bigint): Promise<void> {
  const rows = await t.db.serviceOperation.findMany({ where: { userId, status: 'pending' } });
  for (const row of rows)
    assert.equal(
      await performOperation({ db: t.db, logger, env, registry: REGISTRY, retryBaseMs: 1 }, row.id),
      'done',
      `${row.operation} ${row.key} performed: ${(await t.db.serviceOperation.findUnique({ where: { id: row.id } }))?.lastError}`,
    );
}

const panelUser = (userId: bigint) => panel.control.users().find((u) => u.username === `tg_${userId}`);
const auditOf = (userId: bigint) =>
  t.db.auditLog.findMany({ where: { targetUserId: userId }, orderBy: { id: 'asc' } });

before(async () => {
  t = await createTestDatabase();
  panel = await startRemnawaveStandIn({ port: 0 });
  // The worker hands operations the parsed env; the stand-in's squads are the panel install's defaults.
  env = z
    .object(vpnEnv)
    .parse({ REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token, REMNAWAVE_MAX_ATTEMPTS: '2' });
  deps = { db: t.db, panel: panelFromEnv(env) };
  admin = { id: await person('admin'), role: 'admin' };
  support = { id: await person('support'), role: 'support' };
  viewer = { id: await person('viewer'), role: 'viewer' };
});
after(async () => {
  await t?.drop();
  await panel?.close();
});

test('+7 days run from the expiry while the plan runs, and from now once it has ended', async () => {
  const running = await subscriber('running', new Date(NOW.getTime() + 3 * DAY));
  const lapsed = await subscriber('lapsed', new Date(NOW.getTime() - 10 * DAY));
  const a = await adminExtendDays(t.db, { staff: admin, userId: running, days: 7, now: NOW });
  assert.equal(a.expiresAt.toISOString(), new Date(NOW.getTime() + 10 * DAY).toISOString());
  const b = await adminExtendDays(t.db, { staff: admin, userId: lapsed, days: 7, now: NOW });
  assert.equal(b.expiresAt.toISOString(), new Date(NOW.getTime() + 7 * DAY).toISOString());
  const row = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: running } });
  assert.equal(row.expiresAt.toISOString(), a.expiresAt.toISOString(), 'the row carries the new expiry');
  assert.equal(row.tier, 'ultra', 'a running plan keeps its tier');
  const period = await t.db.vpnPeriod.findFirstOrThrow({ where: { userId: running } });
  assert.deepEqual([period.source, period.days], ['admin', 7]);
  const [audit] = await auditOf(running);
  assert.equal(audit?.action, 'vpn.extend');
  assert.equal(audit?.actorId, admin.id);
  assert.deepEqual(audit?.after, { days: 7, expiresAt: a.expiresAt.toISOString() });
  assert.deepEqual(audit?.before, {
    tier: 'ultra',
    expiresAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
  });
  const op = await t.db.serviceOperation.findFirst({ where: { userId: running } });
  assert.equal(op?.operation, 'vpn.provision', 'the panel is asked to follow');
});

test('extend refuses zero, fractions and absurd numbers of days, and unknown users', async () => {
  const id = await subscriber('typo', new Date(NOW.getTime() + DAY));
  for (const days of [0, -3, 1.5, 100_000])
    await assert.rejects(adminExtendDays(t.db, { staff: admin, userId: id, days, now: NOW }), (e) =>
      isAppError(e, 'INVALID_INPUT'),
    );
  await assert.rejects(adminExtendDays(t.db, { staff: admin, userId: 42n, days: 7, now: NOW }), (e) =>
    isAppError(e, 'USER_NOT_FOUND'),
  );
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: id } }), 0);
});

test('disable turns the panel user off after the sync operation runs; enable turns it back on', async () => {
  const id = await subscriber('switched', new Date(Date.now() + 20 * DAY));
  await adminExtendDays(t.db, { staff: admin, userId: id, days: 1 });
  await runPanelOperations(id);
  assert.equal(panelUser(id)?.status, 'ACTIVE', 'provisioned and active');

  assert.deepEqual(await adminSetEnabled(t.db, { staff: admin, userId: id, enabled: false }), {
    changed: true,
  });
  const off = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  assert.ok(off.disabledAt, 'the row is switched off');
  const sync = await t.db.serviceOperation.findFirstOrThrow({ where: { userId: id, status: 'pending' } });
  assert.equal(sync.operation, 'vpn.sync', 'silent: the user is not told "ready"');
  await runPanelOperations(id);
  assert.equal(panelUser(id)?.status, 'DISABLED');

  assert.deepEqual(await adminSetEnabled(t.db, { staff: admin, userId: id, enabled: false }), {
    changed: false,
  });
  await adminSetEnabled(t.db, { staff: admin, userId: id, enabled: true });
  await runPanelOperations(id);
  assert.equal(panelUser(id)?.status, 'ACTIVE');
  const on = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  assert.equal(on.disabledAt, null);
  assert.equal(on.syncedVersion, on.version, 'the panel carries the latest change');
  assert.deepEqual(
    (await auditOf(id)).map((a) => a.action),
    ['vpn.extend', 'vpn.disable', 'vpn.enable'],
    'the repeated disable wrote nothing',
  );
});

test('reset traffic, a new link and device removal go to the panel and are audited', async () => {
  const id = await subscriber('support-case', new Date(Date.now() + 20 * DAY));
  await adminExtendDays(t.db, { staff: admin, userId: id, days: 1 });
  await runPanelOperations(id);
  const user = panelUser(id);
  assert.ok(user);
  panel.control.addTraffic(user.id, 5_000_000);
  await runPanelOperations(id);
  await t.db.vpnSubscription.update({ where: { userId: id }, data: { usedTrafficBytes: 5_000_000n } });

  await adminResetTraffic(deps, { staff: support, userId: id });
  assert.equal(panelUser(id)?.userTraffic.usedTrafficBytes, 0, 'the panel counts from zero');
  const row = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  assert.equal(row.usedTrafficBytes, 0n);

  const oldUrl = row.subscriptionUrl;
  const url = await adminRevokeLink(deps, { staff: support, userId: id });
  assert.notEqual(url, oldUrl);
  assert.equal(panelUser(id)?.subscriptionUrl, url);
  assert.equal(
    (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } })).subscriptionUrl,
    url,
  );

  panel.control.addDevice(user.id, { hwid: 'hw-old-phone', deviceModel: 'Pixel 6' });
  panel.control.addDevice(user.id, { hwid: 'hw-laptop' });
  const listed = await adminListDevices(deps, { staff: support, userId: id });
  assert.deepEqual(listed.devices.map((d) => d.hwid).sort(), ['hw-laptop', 'hw-old-phone']);
  assert.equal(listed.limit, 5);
  assert.equal(await adminRemoveDevice(deps, { staff: support, userId: id, hwid: 'hw-old-phone' }), 1);
  assert.deepEqual(
    (await adminListDevices(deps, { staff: support, userId: id })).devices.map((d) => d.hwid),
    ['hw-laptop'],
  );

  const audit = (await auditOf(id)).slice(1);
  assert.deepEqual(
    audit.map((a) => [a.action, a.actorId]),
    [
      ['vpn.reset_traffic', support.id],
      ['vpn.revoke_link', support.id],
      ['vpn.remove_device', support.id],
    ],
  );
  assert.deepEqual(audit[0]?.before, { usedTrafficBytes: '5000000' });
  assert.deepEqual(audit[2]?.after, { hwid: 'hw-old-phone', devicesLeft: 1 });
});

test('without the role nothing happens and nothing is audited', async () => {
  const id = await subscriber('protected', new Date(Date.now() + 20 * DAY));
  const before = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  const forbidden = (e: unknown) => isAppError(e, 'FORBIDDEN');
  await assert.rejects(adminExtendDays(t.db, { staff: viewer, userId: id, days: 7 }), forbidden);
  await assert.rejects(adminExtendDays(t.db, { staff: support, userId: id, days: 7 }), forbidden);
  await assert.rejects(adminSetEnabled(t.db, { staff: viewer, userId: id, enabled: false }), forbidden);
  await assert.rejects(adminSetEnabled(t.db, { staff: support, userId: id, enabled: false }), forbidden);
  await assert.rejects(adminResetTraffic(deps, { staff: viewer, userId: id }), forbidden);
  await assert.rejects(adminRevokeLink(deps, { staff: viewer, userId: id }), forbidden);
  await assert.rejects(adminListDevices(deps, { staff: viewer, userId: id }), forbidden);
  await assert.rejects(adminRemoveDevice(deps, { staff: viewer, userId: id, hwid: 'x' }), forbidden);
  const after = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  assert.deepEqual(after, before);
  assert.equal((await auditOf(id)).length, 0);
  assert.equal(await t.db.serviceOperation.count({ where: { userId: id } }), 0);
});

test('panel actions say why they cannot run: no subscription, not provisioned yet, VPN off', async () => {
  const nobody = await person('nobody');
  await assert.rejects(adminResetTraffic(deps, { staff: admin, userId: nobody }), (e) =>
    isAppError(e, 'VPN_NO_SUBSCRIPTION'),
  );
  const fresh = await subscriber('fresh', new Date(Date.now() + DAY));
  await assert.rejects(adminRevokeLink(deps, { staff: admin, userId: fresh }), (e) =>
    isAppError(e, 'VPN_NOT_READY'),
  );
  await assert.rejects(adminListDevices({ db: t.db, panel: null }, { staff: admin, userId: fresh }), (e) =>
    isAppError(e, 'VPN_UNAVAILABLE'),
  );
  await assert.rejects(adminSetEnabled(t.db, { staff: admin, userId: nobody, enabled: false }), (e) =>
    isAppError(e, 'VPN_NO_SUBSCRIPTION'),
  );
});

test('free days for someone without a VPN start the basic plan from now', async () => {
  const id = await person('newcomer');
  const { expiresAt } = await adminExtendDays(t.db, { staff: admin, userId: id, days: 30, now: NOW });
  assert.equal(expiresAt.toISOString(), new Date(NOW.getTime() + 30 * DAY).toISOString());
  const row = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: id } });
  assert.deepEqual([row.tier, row.deviceLimit, row.disabledAt], ['basic', 2, null]);
  assert.deepEqual((await auditOf(id)).at(0)?.before, { tier: null, expiresAt: null });
});
