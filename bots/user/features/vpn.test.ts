import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InlineKeyboardButton } from 'grammy/types';
import { createLogger } from '#core/logging/logger.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { VPN_CLIENTS } from '#core/vpn/connect/vpn-clients.ts';
import { panelUsernameFor } from '#core/vpn/panel/panel-client.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import { planProductId } from '#core/vpn/plans.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type OfflineBot, type OfflineUser, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

// The user bot's VPN against the panel stand-in: what the user sees, what our rows say, and what the panel holds.

const PUBLIC_URL = 'https://app.polygram.test';
const DAY_MS = 86_400_000;

let panel: TRemnawaveStandIn;
let t: OfflineBot;
before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  t = await startOfflineBot({
    env: { REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token, PUBLIC_URL },
  });
});
after(async () => {
  await t?.close();
  await panel?.close();
});

const db = () => t.database.db;
const logger = createLogger({ level: 'silent', name: 'vpn-test' });

/** What the worker does after commit: every pending operation of the user, through the registry. */
async function runOperations(userId: bigint): Promise<void> {
  const pending = await db().serviceOperation.findMany({ where: { userId, status: 'pending' } });
  assert.ok(pending.length > 0, 'an operation was requested');
  for (const op of pending) {
    const outcome = await performOperation(
      { db: db(), logger, env: t.deps.config, registry: REGISTRY },
      op.id,
    );
    assert.equal(outcome, 'done', `operation ${op.operation}`);
  }
}

const panelUsersOf = (userId: bigint) =>
  panel.control.users().filter((u) => u.username === panelUsernameFor(userId));

async function provisionedTrial(): Promise<{ user: OfflineUser; panelUserId: number; link: string }> {
  const user = await t.user({ lang: 'en' });
  await user.send('/trial');
  await runOperations(user.id);
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } });
  assert.ok(sub.panelUserId !== null && sub.subscriptionUrl, 'provisioned');
  return { user, panelUserId: sub.panelUserId, link: sub.subscriptionUrl };
}

const buttons = (user: OfflineUser): InlineKeyboardButton[] => user.chat().at(-1)?.buttons.flat() ?? [];

test('/trial twice: the second is refused, and the provision makes one panel user', async () => {
  const user = await t.user({ lang: 'en' });
  const first = String(onlyCall(await user.send('/trial'), 'sendMessage').text);
  assert.match(first, /free trial is on until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  assert.match(first, /being set up/);
  const second = String(onlyCall(await user.send('/trial'), 'sendMessage').text);
  assert.match(second, /already used your free trial/);
  assert.equal(await db().vpnPeriod.count({ where: { userId: user.id } }), 1, 'one trial period');

  await runOperations(user.id);
  assert.equal(panelUsersOf(user.id).length, 1, 'one panel user');
  const ru = await t.user({ lang: 'ru' });
  await ru.send('/trial');
  assert.match(
    String(onlyCall(await ru.send('/trial'), 'sendMessage').text),
    /уже использовали пробный период/,
  );
  const ruStatus = String(onlyCall(await ru.send('/vpn'), 'sendMessage').text);
  assert.match(ruStatus, /Тариф: <b>Пробный<\/b>\nДействует до .* UTC \(осталось 2 дня\)/);
  assert.match(ruStatus, /Трафик: 0,0 из 2,0 ГБ/);
  assert.match(ruStatus, /VPN настраивается/);
});

test('/config: not ready before the panel user exists; then a QR photo, the link and https import buttons', async () => {
  const user = await t.user({ lang: 'en' });
  await user.send('/trial');
  const early = onlyCall(await user.send('/config'), 'sendMessage');
  assert.match(String(early.text), /still being set up/);

  await runOperations(user.id);
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } });
  const link = String(sub.subscriptionUrl);
  const calls = await user.send('/config');
  const photo = onlyCall(calls, 'sendPhoto');
  assert.ok(photo.photo, 'a QR code is sent');
  const text = String(onlyCall(calls, 'sendMessage').text);
  assert.ok(text.includes(`<code>${link}</code>`), text);

  await user.press('iPhone / iPad');
  const shown = buttons(user);
  const urls = shown.flatMap((b) => ('url' in b && b.url ? [b.url] : []));
  assert.ok(urls.length > 0);
  assert.ok(
    urls.every((u) => u.startsWith('https://')),
    `only https buttons: ${urls.join(' ')}`,
  );
  const happ = shown.find((b) => b.text === '⚡ Connect in Happ');
  assert.ok(happ && 'url' in happ);
  assert.equal(happ.url, `${PUBLIC_URL}/vpn/import/happ?s=${sub.shortUuid}`);
  const iosApps = VPN_CLIENTS.filter((c) => c.platforms.includes('ios'));
  assert.equal(shown.filter((b) => b.text.startsWith('⚡ Connect in')).length, iosApps.length);
  assert.ok(!shown.some((b) => b.text === '⚡ Connect in v2rayNG'), 'Android-only apps are not offered');

  await user.press('← Other devices');
  assert.ok(
    buttons(user).some((b) => b.text === 'Android'),
    'back to the platform picker',
  );
});

test('devices: listed with the limit, removed from the panel by the button', async () => {
  const { user, panelUserId } = await provisionedTrial();
  panel.control.addDevice(panelUserId, {
    hwid: 'hwid-of-a-phone-that-is-quite-long-0123456789abcdef',
    deviceModel: 'iPhone 15',
    osVersion: 'iOS 18.1',
    platform: 'iOS',
  });
  await user.send('/vpn');
  await user.press('📱 Devices');
  assert.match(user.lastText(), /Devices<\/b>: 1 of 1 used/);
  assert.match(user.lastText(), /1\. iPhone 15 · iOS 18\.1/);

  const calls = await user.press('✖ Remove 1');
  assert.equal(onlyCall(calls, 'answerCallbackQuery').text, 'Device removed.');
  assert.match(user.lastText(), /0 of 1 used/);
  const left = await panelFromEnv(t.deps.config)?.listUserHwidDevices(panelUserId);
  assert.equal(left?.total, 0, 'the panel no longer holds the device');
  assert.ok(buttons(user).some((b) => b.text === '➕ One more device'));
});

test('a new link after the confirm: the old one is replaced in our row and in the panel', async () => {
  const { user, panelUserId, link } = await provisionedTrial();
  await user.send('/vpn');
  await user.press('🔄 New link');
  assert.match(user.lastText(), /Make a new link\?/);
  await user.press('Yes, make a new link');
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } });
  assert.ok(sub.subscriptionUrl && sub.subscriptionUrl !== link, 'a different link');
  assert.ok(user.lastText().includes(`<code>${sub.subscriptionUrl}</code>`));
  assert.equal(panel.control.users().find((u) => u.id === panelUserId)?.shortUuid, sub.shortUuid);
});

test('/vpn for none, being set up, active and expired', async () => {
  const user = await t.user({ lang: 'en' });
  const none = onlyCall(await user.send('/vpn'), 'sendMessage');
  assert.match(String(none.text), /Try it free for 2 days/);
  assert.ok(buttons(user).some((b) => b.text === '🎁 Try free'));
  assert.ok(buttons(user).some((b) => b.text === '🛒 Choose a plan'));

  await user.press('🎁 Try free');
  await user.send('/vpn');
  assert.match(user.lastText(), /being set up/);
  await runOperations(user.id);
  await user.send('/vpn');
  const active = user.lastText();
  assert.match(active, /Plan: <b>Trial<\/b>/);
  assert.match(active, /\(2 days left\)/);
  assert.match(active, /Traffic: 0\.0 of 2\.0 GB/);
  assert.match(active, /Devices: up to 1/);
  assert.match(active, /Auto-renew from the balance: off/);
  assert.ok(!active.includes('being set up'));
  assert.ok(!buttons(user).some((b) => b.text === '🎁 Try free'), 'the trial is used');

  await db().vpnSubscription.update({
    where: { userId: user.id },
    data: { expiresAt: new Date(Date.now() - DAY_MS), tier: 'cyber', trafficLimitBytes: 0n },
  });
  await user.send('/vpn');
  assert.match(user.lastText(), /Plan: <b>Cyber<\/b>\n⛔ Expired on \d{4}-\d{2}-\d{2}/);
  assert.match(user.lastText(), /Traffic: 0\.0 GB of unlimited/);
});

test('auto-renew: refused for the trial, on with the plan’s 30 days for a paid tier', async () => {
  const { user } = await provisionedTrial();
  await user.send('/vpn');
  const refused = await user.press('🔁 Turn auto-renew on');
  assert.match(String(onlyCall(refused, 'answerCallbackQuery').text), /for paid plans/);
  assert.equal(
    (await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } })).autoRenew,
    false,
  );

  await db().vpnSubscription.update({ where: { userId: user.id }, data: { tier: 'pro' } });
  await user.send('/vpn');
  await user.press('🔁 Turn auto-renew on');
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } });
  assert.equal(sub.autoRenew, true);
  assert.equal(sub.autoRenewProduct, planProductId('pro', 30));
  assert.match(user.lastText(), /Auto-renew from the balance: on/);
  await user.press('⏸ Turn auto-renew off');
  assert.equal(
    (await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } })).autoRenew,
    false,
  );
});

test('the shop shows the tier change before payment: Basic days left become Cyber days', async () => {
  const user = await t.user({ lang: 'en' });
  await user.send('/trial');
  await db().vpnSubscription.update({
    where: { userId: user.id },
    data: { tier: 'basic', expiresAt: new Date(Date.now() + 12.5 * DAY_MS) },
  });
  await user.send('/vpn');
  await user.press('🔁 Renew or change plan');
  await user.press(/^VPN Cyber · 30 days/);
  assert.match(user.lastText(), /12\.5 days of Basic left become 2\.8 days of Cyber/);
  await user.press('← Back');
  await user.press(/^VPN Basic · 30 days/);
  assert.match(user.lastText(), /added to your current plan: new expiry/);
});

test('signup ends with the trial when VPN_TRIAL_AT_SIGNUP is on, and says so', async () => {
  const user = await t.user({ lang: 'en', signedUp: false });
  await user.send('/start');
  await user.press('✓ English');
  await user.press(/^✅/);
  await user.press('Skip');
  const done = user.chat().find((m) => m.text.includes('free VPN trial until'));
  assert.ok(done, JSON.stringify(user.chat().map((m) => m.text)));
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: user.id } });
  assert.equal(sub.tier, 'trial');
});
