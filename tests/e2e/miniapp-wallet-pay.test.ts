import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { touchUser } from '#core/accounts/touch-user.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { emulateTelegramClient, launchBrowser, saveScreenshot } from './browser.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';

// Paying from the RUB wallet in the Mini App against the real API server and database, without the bots:
// the checkout offers the wallet when it covers the price, pays once however often it is tapped, and
// otherwise says what is missing and leads to the top-up shelf.

const miniAppDir = fileURLToPath(new URL('../../dist/miniapp', import.meta.url));
let panel: TRemnawaveStandIn;
let server: MiniAppTestServer;
let browser: Browser;
let appUrl: string;

// Providers that are never paid here: the catalog shows a price per configured provider, and the card
// provider is what gives a product its RUB price in the catalog.
const unpaid: PaymentGateway = {
  open: async () => ({ confirmationUrl: 'https://example.invalid/pay' }),
  refund: async () => {
    throw new Error('not in this test');
  },
};

before(async () => {
  buildMiniAppIfStale();
  panel = await startRemnawaveStandIn({ port: 0 });
  server = await startMiniAppTestServer(
    { stars: unpaid, yookassa: unpaid },
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

/** Money in the wallet the way support would put it there (an adjustment), as pay-from-wallet.test.ts does. */
const fund = (userId: bigint, kopecks: bigint) =>
  server.database.db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-fund:${userId}:${kopecks}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -kopecks },
        { account: { user: userId, asset: 'RUB' }, amount: kopecks },
      ],
    }),
  );

const rubBalance = async (userId: bigint) =>
  (
    await server.database.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId, asset: 'RUB' } },
    })
  )?.balance ?? 0n;

async function openApp(
  firstName: string,
  rub: bigint,
): Promise<{ userId: bigint; page: Page; errors: Error[] }> {
  const userId = (await touchUser(server.database.db, { id: uniqueTelegramId(), firstName })).user.id;
  await fund(userId, rub);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const initData = server.auth({ id: userId, firstName }).authorization.replace(/^tma /, '');
  await page.goto(launchUrl(appUrl, initData));
  await waitForTitle(page, `Hi, ${firstName}!`);
  return { userId, page, errors };
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

test('a user with 500 ₽ buys VPN Basic for 199 ₽ from the wallet: one payment, 301 ₽ left', async () => {
  const { userId, page, errors } = await openApp('Vera', 50_000n);
  await page.getByTestId('nav-buy').click();
  await page.getByTestId('buy-category-vpn-plans').click();
  await page.getByTestId('buy-product-vpn-basic-30d').click();

  const tile = page.getByTestId('buy-method-wallet');
  await tile.waitFor({ timeout: 15_000 });
  assert.match((await tile.textContent()) ?? '', /From wallet/);
  assert.match((await tile.textContent()) ?? '', /199 ₽/);
  assert.equal(await text(page, 'buy-wallet-balance'), 'Balance 500 ₽');
  await saveScreenshot(page, 'miniapp-wallet-pay-methods');

  // A double tap: both clicks land in one task, before React re-renders the list away.
  await tile.evaluate((button) => {
    // The page's DOM types are not in this Node project; a button has click().
    const tap = button as unknown as { click(): void };
    tap.click();
    tap.click();
  });
  await page.getByTestId('buy-success').waitFor({ timeout: 15_000 });
  assert.equal(await text(page, 'buy-success-wallet-left'), 'Left in your wallet: 301 ₽');
  await page.getByTestId('buy-open-wallet').waitFor();

  assert.equal(await rubBalance(userId), 30_100n);
  const payments = await server.database.db.payment.findMany({ where: { userId } });
  assert.deepEqual(
    payments.map((p) => [p.provider, p.productId, p.status, p.amount]),
    [['wallet', 'vpn-basic-30d', 'succeeded', 19_900n]],
  );
  assert.ok(
    await server.database.db.vpnSubscription.findUnique({ where: { userId } }),
    'the plan was delivered',
  );
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a user with 100 ₽ sees the wallet 99 ₽ short on the VPN page, is led to the top-ups, and nothing is paid', async () => {
  const { userId, page, errors } = await openApp('Oleg', 10_000n);
  await page.getByTestId('nav-vpn').click();
  await waitForTitle(page, 'VPN');
  await page.getByTestId('vpn-plan-vpn-basic-30d').click();

  const short = page.getByTestId('buy-method-wallet-short');
  await short.waitFor({ timeout: 15_000 });
  assert.match((await short.textContent()) ?? '', /99 ₽ short — top up/);
  assert.equal(await page.getByTestId('buy-method-wallet').count(), 0, 'no way to pay from the wallet');
  await saveScreenshot(page, 'miniapp-wallet-pay-short');

  await short.click();
  await waitForTitle(page, 'Buy');
  await page.getByTestId('buy-product-wallet-topup-300').waitFor({ timeout: 15_000 });
  assert.match((await page.getByTestId('buy-product-wallet-topup-300').textContent()) ?? '', /Wallet top-up/);
  // A top-up is never paid from the wallet itself.
  await page.getByTestId('buy-product-wallet-topup-300').click();
  await page.getByTestId('buy-method-yookassa').waitFor();
  assert.equal(await page.getByTestId('buy-method-wallet').count(), 0);
  assert.equal(await page.getByTestId('buy-method-wallet-short').count(), 0);

  assert.equal(await rubBalance(userId), 10_000n);
  assert.equal(await server.database.db.payment.count({ where: { userId } }), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a balance spent elsewhere after the list showed it: the tap says what is missing and pays nothing', async () => {
  const { userId, page, errors } = await openApp('Ilya', 20_000n);
  await page.getByTestId('nav-buy').click();
  await page.getByTestId('buy-category-vpn-plans').click();
  await page.getByTestId('buy-product-vpn-basic-30d').click();
  await page.getByTestId('buy-method-wallet').waitFor({ timeout: 15_000 });
  // 200 ₽ shown; 100 ₽ goes before the tap (support's correction, another device's purchase).
  await fund(userId, -10_000n);

  await page.getByTestId('buy-method-wallet').click();
  await page.getByTestId('buy-failed').waitFor({ timeout: 15_000 });
  assert.equal(
    (await page.getByTestId('buy-failed').locator('p').textContent())?.trim(),
    'There is not enough in your wallet: 99 ₽ short.',
  );
  assert.equal(await rubBalance(userId), 10_000n);
  assert.equal(await server.database.db.payment.count({ where: { userId } }), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});
