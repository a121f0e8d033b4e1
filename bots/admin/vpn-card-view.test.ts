import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { Role, VpnSubscription } from '#core/db/generated/client.ts';
import { LOCALES_DIR, loadTranslator, type TLang } from '#core/i18n/translator.ts';
import { vpnCardAction, vpnDeviceRemove } from './vpn-callbacks.ts';
import { renderVpnCard, renderVpnDevices, vpnCardLine } from './vpn-card-view.ts';

const translator = loadTranslator(LOCALES_DIR);
const NOW = new Date('2026-12-01T12:00:00Z');
const GIB = 1024n ** 3n;

/** What the views read of a context: the staff member's role and the translator. */
function contextOf(role: Role, lang: TLang = 'en'): AdminBotContext {
  const ctx = {
    lang,
    staff: { id: 1n, role },
    t: (key: string, args?: Record<string, string | number>) => translator.t(lang, key, args),
  };
  return ctx as unknown as AdminBotContext;
}

const sub = (changes: Partial<VpnSubscription> = {}): VpnSubscription => ({
  userId: 42n,
  tier: 'pro',
  expiresAt: new Date(NOW.getTime() + 10 * 86_400_000),
  trafficLimitBytes: 300n * GIB,
  trafficStrategy: 'MONTH',
  extraTrafficBytes: 50n * GIB,
  deviceLimit: 3,
  extraDevices: 1,
  squads: ['standard'],
  trialUsedAt: null,
  autoRenew: false,
  autoRenewProduct: null,
  disabledAt: null,
  version: 3,
  syncedVersion: 3,
  panelUserId: 7,
  shortUuid: 'abc',
  subscriptionUrl: 'https://sub.example/abc',
  usedTrafficBytes: 12n * GIB,
  firstConnectedAt: NOW,
  onlineAt: NOW,
  createdAt: NOW,
  updatedAt: NOW,
  ...changes,
});

const actionsOf = (keyboard: ReturnType<typeof renderVpnCard>['keyboard']) =>
  keyboard.inline_keyboard
    .flat()
    .map((b) => ('callback_data' in b ? vpnCardAction.decode(b.callback_data ?? '')?.action : undefined));

test('the card states tier, expiry, traffic with top-ups, devices with extras and the panel user', () => {
  const { text } = renderVpnCard(contextOf('admin'), { userId: 42n, name: 'Ann', sub: sub(), now: NOW });
  assert.match(text, /Tier: <b>pro<\/b> · active/);
  assert.match(text, /\(10 days left\)/);
  assert.match(text, /Traffic: 12\.0 of 350\.0 GB · reset: MONTH/);
  assert.match(text, /Devices: up to 4/);
  assert.match(text, /Panel user: 7 · panel up to date/);
  const ru = renderVpnCard(contextOf('admin', 'ru'), { userId: 42n, name: 'Ann', sub: sub(), now: NOW });
  assert.match(ru.text, /Трафик: 12\.0 из 350\.0 ГБ/);
  assert.doesNotMatch(ru.text, /admin-vpn-/, 'every key is translated');
});

test('each role sees only the buttons it may press', () => {
  const render = (role: Role, s: VpnSubscription | null = sub()) =>
    actionsOf(renderVpnCard(contextOf(role), { userId: 42n, name: 'Ann', sub: s, now: NOW }).keyboard);
  assert.deepEqual(render('admin'), [
    'add7',
    'add30',
    'custom',
    'reset',
    'link_ask',
    'devices',
    'disable_ask',
    'refresh',
  ]);
  assert.deepEqual(render('support'), ['reset', 'link_ask', 'devices', 'refresh']);
  assert.deepEqual(render('finance'), ['add7', 'add30', 'custom', 'refresh']);
  assert.deepEqual(render('moderator'), ['reset', 'link_ask', 'devices', 'disable_ask', 'refresh']);
  assert.deepEqual(render('viewer'), ['refresh']);
  assert.deepEqual(render('admin', sub({ disabledAt: NOW })).at(-2), 'enable', 'switched off → switch on');
  // Not on the panel yet: nothing to reset, revoke or list there.
  assert.deepEqual(render('admin', sub({ panelUserId: null })), [
    'add7',
    'add30',
    'custom',
    'disable_ask',
    'refresh',
  ]);
  assert.deepEqual(render('admin', null), ['add7', 'add30', 'custom', 'refresh']);
});

test('the user card line and the device list', () => {
  assert.equal(vpnCardLine(contextOf('viewer'), null), '🛡 VPN: none');
  assert.match(vpnCardLine(contextOf('viewer'), sub({ tier: 'trial' })), /VPN: trial · trial · until/);
  const view = renderVpnDevices(contextOf('support'), 42n, {
    limit: 4,
    devices: [
      { hwid: 'a'.repeat(80), model: 'iPhone 15 · iOS 18.1', platform: 'iOS', addedAt: NOW },
      { hwid: 'pc', model: null, platform: null, addedAt: NOW },
    ],
  });
  assert.match(view.text, /Devices<\/b>: 2 of 4/);
  assert.match(view.text, /1\. iPhone 15 · iOS 18\.1/);
  assert.match(view.text, /2\. unknown device/);
  const removes = view.keyboard.inline_keyboard
    .flat()
    .flatMap((b) =>
      'callback_data' in b && b.callback_data ? [vpnDeviceRemove.decode(b.callback_data)] : [],
    )
    .filter((d) => d !== null);
  assert.equal(removes.length, 2, 'a long HWID still fits the 64-byte button');
  assert.notEqual(removes[0]?.device, removes[1]?.device);
});
