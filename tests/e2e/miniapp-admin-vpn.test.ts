import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { tierTerms } from '#core/vpn/subscription/subscription-store.ts';
import { signLaunchInitData } from '#sandbox/launch/miniapp-launch-url.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { emulateTelegramClient, launchBrowser, pressTelegramBackButton, saveScreenshot } from './browser.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';

// The admin Mini App as the admin bot's menu button opens it (`?mode=admin`, initData signed with the
// admin bot's token), against the real API server and the panel stand-in.

const DAY = 86_400_000;
const miniAppDir = fileURLToPath(new URL('../../dist/miniapp', import.meta.url));
let panel: TRemnawaveStandIn;
let server: MiniAppTestServer;
let browser: Browser;
let appUrl: string;

before(async () => {
  buildMiniAppIfStale();
  panel = await startRemnawaveStandIn({ port: 0 });
  server = await startMiniAppTestServer(
    {},
    { env: { REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token }, deps: () => ({ miniAppDir }) },
  );
  appUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await panel?.close();
});

test('staff open the admin app from the admin bot: home, the servers table, the VPN figures', async () => {
  const db = server.database.db;
  const id = uniqueTelegramId();
  await db.user.create({ data: { id, firstName: 'Olga', referralCode: `e2eadm${id}`, language: 'en' } });
  await db.adminRole.create({ data: { userId: id, role: 'admin' } });
  panel.control.setNodeOnline('Frankfurt', false);
  // A subscriber who first paid yesterday: one bar in the new-subscribers chart.
  const payer = uniqueTelegramId();
  await db.user.create({ data: { id: payer, firstName: 'P', referralCode: `e2epay${payer}` } });
  const yesterday = new Date(Date.now() - DAY);
  await db.vpnSubscription.create({
    data: { userId: payer, ...tierTerms('basic'), expiresAt: new Date(Date.now() + 29 * DAY) },
  });
  await db.vpnPeriod.create({
    data: {
      userId: payer,
      source: 'paid',
      tier: 'basic',
      productId: 'vpn-basic-30d',
      days: 30,
      startsAt: yesterday,
      endsAt: new Date(yesterday.getTime() + 30 * DAY),
      createdAt: yesterday,
    },
  });

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const initData = signLaunchInitData(
    { id: Number(id), first_name: 'Olga', language_code: 'en' },
    server.config.ADMIN_BOT_TOKEN,
  );
  await page.goto(launchUrl(appUrl, initData).replace('/#', '/?mode=admin#'));
  await waitForTitle(page, 'Hello, Olga');

  await page.getByTestId('nav-admin-servers').click();
  await waitForTitle(page, 'VPN servers');
  const rows = page.getByTestId('admin-server');
  await rows.first().waitFor({ timeout: 15_000 });
  const texts = (await rows.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.equal(texts.length, 2);
  assert.match(texts.find((s) => s.includes('Amsterdam')) ?? '', /Amsterdam.*Online.*Netherlands/);
  assert.match(texts.find((s) => s.includes('Frankfurt')) ?? '', /Frankfurt.*Offline.*Germany/);
  await saveScreenshot(page, 'miniapp-admin-servers');

  await pressTelegramBackButton(page);
  await page.getByTestId('nav-admin-stats').click();
  await waitForTitle(page, 'VPN figures');
  await page.getByTestId('admin-stats').waitFor({ timeout: 15_000 });
  assert.equal((await page.getByTestId('admin-stats-paid-value').textContent())?.trim(), '1');
  const bars = page.getByTestId('admin-chart-new-paid').locator('rect');
  assert.equal(await bars.count(), 30);
  assert.equal(await bars.nth(28).getAttribute('data-value'), '1', 'yesterday is the bar before the last');
  assert.equal((await page.getByTestId('admin-chart-new-paid-total').textContent())?.trim(), '1');
  assert.equal((await page.getByTestId('admin-chart-renewals-total').textContent())?.trim(), '0');
  await saveScreenshot(page, 'miniapp-admin-stats');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the same admin app with the user bot’s initData shows "open from Telegram", never the screens', async () => {
  const id = uniqueTelegramId();
  await server.database.db.user.create({
    data: { id, firstName: 'Ivan', referralCode: `e2eusr${id}`, language: 'en' },
  });
  const context = await browser.newContext();
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const initData = server.auth({ id }).authorization.replace(/^tma /, '');
  await page.goto(launchUrl(appUrl, initData).replace('/#', '/?mode=admin#'));
  await page.getByTestId('open-from-telegram').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('nav-admin-servers').count(), 0);
  await context.close();
});
