import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createLogger } from '#core/logging/logger.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { performOperation } from '#core/services/operations/perform-operation.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { activateTrial } from '#core/vpn/subscription/activate-trial.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { emulateTelegramClient, launchBrowser, saveScreenshot } from './browser.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';

// The VPN page against the real API server and the panel stand-in, without the bots: what a provisioned
// user sees is the status and the QR code of the link the panel gave.

const miniAppDir = fileURLToPath(new URL('../../dist/miniapp', import.meta.url));
let panel: TRemnawaveStandIn;
let server: MiniAppTestServer;
let browser: Browser;
let appUrl: string;

before(async () => {
  buildMiniAppIfStale();
  panel = await startRemnawaveStandIn({ port: 0 });
  // A Stars provider that is never paid here: the plans show a price per configured provider.
  const stars: PaymentGateway = {
    open: async () => ({ confirmationUrl: 'https://t.me/$invoice' }),
    refund: async () => {
      throw new Error('not in this test');
    },
  };
  server = await startMiniAppTestServer(
    { stars },
    {
      env: { REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token },
      deps: () => ({ miniAppDir }),
    },
  );
  appUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await panel?.close();
});

test('a provisioned user opens VPN from home and sees the trial, days left, the link and its QR code', async () => {
  const db = server.database.db;
  const userId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Nina' })).user.id;
  await activateTrial(db, { userId });
  const op = await db.serviceOperation.findFirstOrThrow({ where: { userId, operation: 'vpn.provision' } });
  const logger = createLogger({ level: 'silent', name: 'test' });
  assert.equal(await performOperation({ db, logger, env: server.config, registry: REGISTRY }, op.id), 'done');
  const { subscriptionUrl } = await db.vpnSubscription.findUniqueOrThrow({ where: { userId } });
  assert.ok(subscriptionUrl);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const initData = server.auth({ id: userId, firstName: 'Nina' }).authorization.replace(/^tma /, '');
  await page.goto(launchUrl(appUrl, initData));
  await waitForTitle(page, 'Hi, Nina!');
  await page.getByTestId('nav-vpn').click();
  await waitForTitle(page, 'VPN');

  const status = page.getByTestId('vpn-status');
  await status.waitFor({ timeout: 15_000 });
  assert.equal((await page.getByTestId('vpn-tier').textContent())?.trim(), 'Trial');
  assert.equal(await page.getByTestId('vpn-state').getAttribute('data-state'), 'active');
  assert.equal((await page.getByTestId('vpn-days-left').textContent())?.trim(), '2 days');
  assert.match((await page.getByTestId('vpn-traffic-text').textContent()) ?? '', /of 2 GB$/);

  const qr = page.getByTestId('vpn-qr');
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
  // The image decoded: a broken data URL would leave it 0 pixels wide.
  const width = await qr.evaluate((img) => ('naturalWidth' in img && img.complete ? img.naturalWidth : 0));
  assert.ok(width > 100, `the QR code decoded (${width} px)`);
  assert.equal((await page.getByTestId('vpn-link').textContent())?.trim(), subscriptionUrl);
  // The launch says Telegram Desktop and the headless browser's user agent says Linux: Linux apps only.
  await page.getByTestId('vpn-app-hiddify').waitFor();
  assert.equal(await page.getByTestId('vpn-app-happ').count(), 0, 'Happ has no Linux app');
  assert.ok(await page.getByTestId('vpn-platform-linux').locator('input').isChecked());
  await saveScreenshot(page, 'miniapp-vpn');

  // After a trial every plan starts today; choosing one opens the shop's checkout for that product.
  const basic = page.getByTestId('vpn-plan-vpn-basic-30d');
  assert.match((await basic.textContent()) ?? '', /Basic.*From today until/);
  await basic.click();
  assert.equal(
    (await page.getByTestId('buy-chosen-product').textContent())?.trim(),
    'VPN Basic · 30 days · 100 GB/month · 2 devices',
  );
  await page.getByTestId('buy-method-stars').waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});
