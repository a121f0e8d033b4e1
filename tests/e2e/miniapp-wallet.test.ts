import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  emulateTelegramClient,
  launchBrowser,
  pressTelegramBackButton,
  saveScreenshot,
  type TInvoiceStatus,
  telegramEvents,
} from './browser.ts';
import { uniqueUserId } from './ids.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
let browser: Browser;
before(async () => {
  buildMiniAppIfStale();
  stack = await startStack({ name: 'miniapp-wallet' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

test('buy a token pack with Stars in the Mini App, see it in the wallet and history, then the referral link', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Penny', language: 'en' });
  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } });

  // Telegram's payment sheet: the first invoice is dismissed, the second is paid through the local Bot API,
  // whose pre-checkout query and successful payment the real bot process answers.
  const invoices: string[] = [];
  const onInvoice = async (slug: string): Promise<TInvoiceStatus> => {
    invoices.push(slug);
    if (invoices.length === 1) return 'cancelled';
    const result = await stack.telegram.payInvoice({
      token: stack.userBot.token,
      userId: id,
      invoiceLink: `https://t.me/$${slug}`,
    });
    return result.status === 'paid' ? 'paid' : 'failed';
  };
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await emulateTelegramClient(context, { onInvoice });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const initData = stack.signInitData({ id, first_name: 'Penny', language_code: 'en' });
  await page.goto(launchUrl(stack.appUrl, initData));
  await waitForTitle(page, 'Hi, Penny!');

  // Buy → token packs → 150,000 tokens → Stars.
  await page.getByTestId('nav-buy').click();
  await waitForTitle(page, 'Buy tokens');
  // A promo code that does not exist: the server's localized refusal, and nothing else changes.
  await page.getByTestId('promo-input').fill('NO-SUCH-CODE');
  await page.getByTestId('promo-apply').click();
  await page
    .getByTestId('promo-result')
    .filter({ hasText: 'There is no such promo code' })
    .waitFor({ timeout: 10_000 });
  await page.getByTestId('buy-category-ai-packs').click();
  const pack = page.getByTestId('buy-product-pack-150k');
  assert.match((await pack.textContent()) ?? '', /150,000 tokens · forever.*100 ⭐/);
  await saveScreenshot(page, 'miniapp-buy-products');
  await pack.click();
  assert.equal(await text(page, 'buy-chosen-product'), '150,000 tokens · forever');
  await page.getByTestId('buy-method-stars').click();
  await page.getByTestId('buy-cancelled').waitFor({ timeout: 15_000 });
  assert.match(await text(page, 'buy-cancelled'), /The payment was cancelled/);
  await page.getByTestId('buy-cancelled').getByRole('button').click();

  await page.getByTestId('buy-method-stars').click();
  await page.getByTestId('buy-success').waitFor({ timeout: 20_000 });
  assert.equal(await text(page, 'buy-success-tokens'), 'Token balance: 150,000');
  await saveScreenshot(page, 'miniapp-buy-success');
  assert.equal(invoices.length, 2);
  await chat.expect('Payment received: 150,000 tokens · forever');
  const payments = await stack.db.payment.findMany({ where: { userId: BigInt(id) }, orderBy: { id: 'asc' } });
  assert.deepEqual(
    payments.map((p) => [p.provider, p.status, p.amount, p.currency]),
    [
      ['stars', 'pending', 100n, 'XTR'],
      ['stars', 'succeeded', 100n, 'XTR'],
    ],
    'the dismissed invoice stays pending; the paid one is credited once',
  );

  // The wallet: the new balance, the perpetual grant, and the purchase (what and how it was paid) with
  // old → new balance.
  await page.getByTestId('buy-open-wallet').click();
  await waitForTitle(page, 'Wallet');
  await page.getByTestId('history-row').first().waitFor({ timeout: 15_000 });
  assert.equal(await text(page, 'wallet-tokens-available'), '150,000');
  assert.equal(await page.getByTestId('wallet-grant').count(), 1);
  assert.match(await text(page, 'wallet-grant'), /150,000 of 150,000.*forever/);
  assert.equal(await page.getByTestId('history-row').count(), 1);
  assert.equal(
    await text(page, 'history-row-description'),
    'Purchase: 150,000 tokens · forever (Telegram Stars)',
  );
  assert.equal(await text(page, 'history-row-type'), 'Purchase');
  assert.equal(await text(page, 'history-row-amount'), '+150,000');
  assert.equal(await text(page, 'history-row-balance'), '0 → 150,000');
  await saveScreenshot(page, 'miniapp-wallet');

  // Filters: no rouble movements; the token purchase is there under "Purchase", not under "Spent".
  await page.getByTestId('history-filter-asset-RUB').click();
  await page.getByTestId('history-empty').waitFor();
  await page.getByTestId('history-filter-asset-TOKEN').click();
  await page.getByTestId('history-row').first().waitFor();
  await page.getByTestId('history-filter-type-spend').click();
  await page.getByTestId('history-empty').waitFor();
  await page.getByTestId('history-filter-type-topup').click();
  await page.getByTestId('history-row').first().waitFor();
  assert.equal(await page.getByTestId('history-row').count(), 1);

  // Back through the buy page to home, then the referral page.
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'Buy tokens');
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'Hi, Penny!');
  await page.getByTestId('nav-referral').click();
  await waitForTitle(page, 'Invite friends');
  const link = `https://t.me/${stack.userBot.username}?start=${user.referralCode}`;
  await page.getByTestId('referral-link').waitFor({ timeout: 15_000 });
  assert.equal(await text(page, 'referral-link'), link);
  assert.equal(await text(page, 'referral-invited'), '0');
  const qrWidth = await page
    .getByTestId('referral-qr')
    .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
  assert.ok(qrWidth >= 256, `QR image decoded (${qrWidth}px wide)`);
  await saveScreenshot(page, 'miniapp-referral');

  // Share goes through Telegram's share link with the invitation in it.
  await page.getByTestId('referral-share').click();
  const share = (await telegramEvents(page)).find((e) => e.name === 'web_app_open_tg_link');
  const path = (share?.data as { path_full?: string } | undefined)?.path_full ?? '';
  assert.equal(new URL(path, 'https://t.me').searchParams.get('url'), link);

  assert.deepEqual(pageErrors, []);
  await context.close();
});
