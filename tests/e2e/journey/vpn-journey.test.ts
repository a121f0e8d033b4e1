import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import { BOT_REPLY_MS, type EmulatorPage } from './emulator-page.ts';
import { type JourneyWorld, startJourneyWorld } from './journey-world.ts';
import { MiniAppPanel, SCREEN_MS } from './mini-app-panel.ts';

// Spec 001's first day, in the chat emulator in Chromium: a new user signs up and gets the VPN trial, opens
// /config (link, QR code, one-tap import through our https page), buys a plan with Stars, and the Mini App's
// VPN page shows the new expiry. What the page shows is checked against the database and the panel stand-in.

const PERSON = { firstName: 'Vera', username: 'vera_vpn' };
const DAY = 86_400_000;

let world: JourneyWorld;
let emu: EmulatorPage;
let personId: number | undefined;

before(async () => {
  world = await startJourneyWorld({ name: 'journey-vpn', vpnTrialAtSignup: true });
  emu = await world.openEmulator();
});
after(() => world?.stop());

const person = (): number => {
  assert.ok(personId, 'story 1 (sign-up and trial) has to pass first');
  return personId;
};
const subscription = () =>
  world.stack.db.vpnSubscription.findUniqueOrThrow({ where: { userId: BigInt(person()) } });
const panelUser = () => world.stack.remnawave.users().find((u) => u.telegramId === person());

test('1 · signs up and the VPN trial starts by itself; the worker says when it is ready', async () => {
  personId = await emu.createUser({ ...PERSON, language: 'en' });
  await emu.openChat(world.stack.userBot.username);
  await emu.send('/start');
  await emu.expectBot('Choose your language');
  await emu.press('English');
  await emu.expectBot('terms of service');
  await emu.press('I accept the terms');
  await emu.expectBot('Add an email address');
  await emu.press('Skip');
  await emu.expectBot(/free VPN trial until/);
  await emu.expectBot(/Your VPN is ready, valid until/, BOT_REPLY_MS);

  const sub = await subscription();
  assert.equal(sub.tier, 'trial');
  assert.ok(Math.abs(sub.expiresAt.getTime() - (Date.now() + 2 * DAY)) < 60_000, 'two days');
  assert.equal(panelUser()?.tag, 'TRIAL', 'the panel user exists, marked as a trial');
});

test('2 · /config shows the link, the QR code and one-tap import buttons that go through our https page', async () => {
  await emu.send('/config');
  const linkId = await emu.expectBot(/Your VPN link/);
  const sub = await subscription();
  assert.ok(sub.subscriptionUrl, 'the panel gave a link');
  assert.match(
    await emu.textOf(linkId),
    new RegExp(sub.subscriptionUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  const photos = await world.stack.telegram.calls({ token: world.stack.userBot.token, method: 'sendPhoto' });
  assert.ok(
    photos.some((c) => c.ok && String(c.params.chat_id) === String(person())),
    'the QR code was sent as a photo',
  );
  await emu.expectBot('Choose your device');
  await emu.press('iPhone / iPad');
  const appsId = await emu.expectBot(/Apps for iPhone/);
  const connect = emu.message(appsId).getByTestId('inline-button').filter({ hasText: 'Connect in Happ' });
  await connect.waitFor();
  await saveScreenshot(emu.page, 'journey-vpn-config');

  // The button is an https page of ours (Telegram refuses happ:// buttons) that sends the browser on to Happ.
  const importUrl = new URL(`/vpn/import/happ?s=${sub.shortUuid}`, world.stack.appUrl);
  const page = await (await fetch(importUrl)).text();
  assert.ok(page.includes(`happ://add/${sub.subscriptionUrl}`), 'the page redirects to the Happ import link');
  // And the link itself is a live subscription: the panel serves the configs to a VPN app.
  const configs = await fetch(sub.subscriptionUrl ?? '', { headers: { 'user-agent': 'Happ/3.5.0' } });
  assert.equal(configs.status, 200);
  assert.match(configs.headers.get('subscription-userinfo') ?? '', /total=\d+/);
});

test('3 · buys VPN Basic for 30 days with Stars; the plan starts now and the worker confirms it', async () => {
  const { page } = emu;
  await emu.send('/buy');
  await emu.expectBot('What would you like to buy?');
  await emu.press('🛡 VPN plans');
  await emu.expectBot('Choose a product');
  await emu.press(/^VPN Basic · 30 days/);
  await emu.expectBot('How would you like to pay?');
  await emu.press(/Telegram Stars · 133/);
  const invoiceId = await emu.expectBot(/TELEGRAM STARS/);
  await emu.message(invoiceId).getByTestId('invoice-pay').click();
  await page.getByTestId('payment-sheet').waitFor();
  await page.getByTestId('payment-confirm').click();
  await emu.expectBot(/Payment received: VPN Basic · 30 days/);
  await emu.expectBot(/Your VPN is ready, valid until/, BOT_REPLY_MS);

  const sub = await subscription();
  assert.equal(sub.tier, 'basic');
  assert.ok(Math.abs(sub.expiresAt.getTime() - (Date.now() + 30 * DAY)) < 120_000, 'thirty days from now');
  const user = panelUser();
  assert.equal(user?.tag, 'BASIC');
  assert.equal(
    new Date(user?.expireAt ?? 0).getTime(),
    sub.expiresAt.getTime(),
    'the panel has the new expiry',
  );
  assert.equal(
    world.stack.remnawave.users().filter((u) => u.telegramId === person()).length,
    1,
    'one panel user',
  );
});

test('4 · the Mini App’s VPN page shows the plan, the new expiry, the QR code and the servers', async () => {
  const app = await MiniAppPanel.openFromMenu(emu.page);
  await app.byTestId('nav-vpn').click();
  await app.byTestId('vpn-status').waitFor({ timeout: SCREEN_MS });
  assert.equal(await app.text('vpn-tier'), 'Basic');
  const sub = await subscription();
  const expected = sub.expiresAt.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  const shown = await app.text('vpn-expires');
  assert.ok(shown.includes(String(sub.expiresAt.getUTCFullYear())), `expiry "${shown}" (${expected})`);
  assert.match(await app.text('vpn-days-left'), /^(30|31) days$/);
  const qr = app.byTestId('vpn-qr');
  await qr.waitFor({ timeout: SCREEN_MS });
  assert.ok(
    await qr.evaluate(
      (img) =>
        (img as { complete?: boolean; naturalWidth?: number }).naturalWidth !== 0 &&
        (img as { complete?: boolean }).complete === true,
    ),
    'the QR code image loads',
  );
  assert.equal(await app.text('vpn-link'), sub.subscriptionUrl);
  await app.byTestId('vpn-server').first().waitFor({ timeout: SCREEN_MS });
  await saveScreenshot(emu.page, 'journey-vpn-miniapp');
});
