import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createCryptoPayClient, type TCryptoPayClient } from '#core/payments/cryptobot/cryptopay-client.ts';
import { createYooKassaClient, type TYooKassaClient } from '#core/payments/yookassa/yookassa-client.ts';
import { startCryptoPayStandIn, type TCryptoPayStandIn } from '#sandbox/cryptopay/cryptopay-stand-in.ts';
import { startYooKassaStandIn, type TYooKassaStandIn } from '#sandbox/yookassa/yookassa-stand-in.ts';
import { launchBrowser, saveScreenshot } from '#tests/e2e/browser.ts';

// The providers' pay pages as a person sees them after a bot's Pay button opens them: press Pay or
// Cancel, see what happened, go back to the bot. Against the stand-ins alone; the API says the same.

const SHOP = { shopId: 'pages-shop', secretKey: 'pages-secret' };
const CRYPTO_TOKEN = '4242:pay-pages-token';
const BOT_URL = 'https://t.me/polygram_pages_bot';

let browser: Browser;
let yookassa: TYooKassaStandIn;
let yookassaClient: TYooKassaClient;
let cryptopay: TCryptoPayStandIn;
let cryptopayClient: TCryptoPayClient;

before(async () => {
  yookassa = await startYooKassaStandIn(SHOP);
  yookassaClient = createYooKassaClient({ ...SHOP, apiBase: yookassa.url });
  cryptopay = await startCryptoPayStandIn({ token: CRYPTO_TOKEN });
  cryptopayClient = createCryptoPayClient({ token: CRYPTO_TOKEN, apiBase: cryptopay.url });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await yookassa?.close();
  await cryptopay?.close();
});

async function openPage(url: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 480, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

const yookassaPayment = (key: string) =>
  yookassaClient.createPayment({
    idempotenceKey: key,
    amount: { valueMinor: 14_900n, currency: 'RUB' },
    description: '150,000 tokens',
    returnUrl: BOT_URL,
    metadata: { paymentRef: key },
  });

test('YooKassa: Pay shows the payment succeeded with the amount and a way back; a reload shows it again', async () => {
  const payment = await yookassaPayment('pages-pay');
  const { page, close } = await openPage(payment.confirmation_url ?? '');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const body = (await page.locator('body').textContent()) ?? '';
  assert.match(body, /149\.00 RUB/);
  assert.match(body, /Status: succeeded/);
  const back = page.getByRole('link', { name: 'Return to the bot' });
  assert.equal(await back.getAttribute('href'), BOT_URL);
  assert.equal((await yookassaClient.getPayment(payment.id)).status, 'succeeded');
  await saveScreenshot(page, 'yookassa-paid');

  await page.reload();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Pay' }).count(), 0, 'no form to pay again');
  await close();
});

test('YooKassa: Cancel shows the payment cancelled, and the API says canceled', async () => {
  const payment = await yookassaPayment('pages-cancel');
  const { page, close } = await openPage(payment.confirmation_url ?? '');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
  assert.match((await page.locator('body').textContent()) ?? '', /149\.00 RUB[\s\S]*Status: canceled/);
  assert.equal(await page.getByRole('link', { name: 'Return to the bot' }).getAttribute('href'), BOT_URL);
  assert.equal((await yookassaClient.getPayment(payment.id)).status, 'canceled');
  await page.reload();
  await page.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
  await close();
});

const cryptoInvoice = () =>
  cryptopayClient.createInvoice({
    currencyType: 'fiat',
    fiat: 'USD',
    acceptedAssets: ['USDT', 'TON'],
    amount: '10.00',
    description: 'Video bundle S',
    paidBtnName: 'openBot',
    paidBtnUrl: BOT_URL,
  });

test('Crypto Pay: Pay shows the payment succeeded with the invoice’s button back; a reload shows it again', async () => {
  const invoice = await cryptoInvoice();
  const { page, close } = await openPage(invoice.bot_invoice_url);
  await page.getByLabel('Pay with').selectOption('TON');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const body = (await page.locator('body').textContent()) ?? '';
  assert.match(body, /10\.00 USD/);
  assert.match(body, /Status: paid/);
  assert.match(body, /Paid in TON/);
  assert.equal(await page.getByRole('link', { name: 'Open Bot' }).getAttribute('href'), BOT_URL);
  const [paid] = await cryptopayClient.getInvoices({ invoiceIds: [invoice.invoice_id] });
  assert.equal(paid?.status, 'paid');
  await saveScreenshot(page, 'cryptopay-paid');

  await page.reload();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Pay' }).count(), 0, 'no form to pay again');
  await close();
});

test('Crypto Pay: Cancel shows the payment cancelled; the invoice stays active, as Crypto Pay has no cancel', async () => {
  const invoice = await cryptoInvoice();
  const { page, close } = await openPage(invoice.bot_invoice_url);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
  assert.match((await page.locator('body').textContent()) ?? '', /10\.00 USD[\s\S]*Nothing was paid/);
  const [open] = await cryptopayClient.getInvoices({ invoiceIds: [invoice.invoice_id] });
  assert.equal(open?.status, 'active');
  await close();
});
