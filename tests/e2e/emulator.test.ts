import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validate } from '@telegram-apps/init-data-node';
import { Bot, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import type { Browser, Frame, Page } from 'playwright-core';
import {
  buildEmulator,
  type EmulatorHost,
  startEmulatorHost,
} from '#sandbox/emulator/host/start-emulator-host.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import { TINY_PNG } from '#sandbox/telegram/test-support.ts';
import { launchBrowser, saveScreenshot } from './browser.ts';
import { startTestMiniApp } from './emulator-test-app.ts';

const USER_BOT = {
  token: '7100101:emulator-e2e-user-bot',
  username: 'emu_shop_bot',
  title: 'Emu Shop',
  kind: 'user' as const,
};
const ADMIN_BOT = {
  token: '7100102:emulator-e2e-admin-bot',
  username: 'emu_admin_bot',
  title: 'Emu Admin',
  kind: 'admin' as const,
};

const REPORT = Buffer.from('month,tokens\n2026-12,1000\n');

/** The test's own bot: a reply with entities and a button, an edit, Stars invoices and a web_app button. */
function testBot(apiRoot: string, miniAppUrl: string): Bot {
  const bot = new Bot(USER_BOT.token, { client: { apiRoot } });
  bot.hears('hi', async (ctx) => {
    await ctx.replyWithChatAction('typing');
    await ctx.reply(`Hello, <b>${ctx.from?.first_name}</b> 👋 see <code>/pay</code>`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('Press me', 'press'),
    });
  });
  bot.callbackQuery('press', async (ctx) => {
    await ctx.answerCallbackQuery('Pressed!');
    await ctx.editMessageText('Edited ✓ <i>after the press</i>', { parse_mode: 'HTML' });
  });
  bot.command('menu', (ctx) =>
    ctx.reply('Pick one', { reply_markup: new Keyboard().text('Yes').text('No').oneTime().resized() }),
  );
  bot.hears(['Yes', 'No'], (ctx) =>
    ctx.reply(`You said ${ctx.message?.text}`, { reply_markup: { remove_keyboard: true } }),
  );
  bot.on('message:photo', async (ctx) => {
    const photo = ctx.message.photo.at(-1);
    // Long enough for the page to show the chat action before the answer replaces it.
    await ctx.replyWithChatAction('upload_document');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await ctx.replyWithDocument(new InputFile(REPORT, 'report.csv'), {
      caption: `Got your ${photo?.width}x${photo?.height} photo`,
    });
  });
  bot.command('pay', (ctx) =>
    ctx.replyWithInvoice('Token pack', '1000 tokens for the test', 'pack-1000', 'XTR', [
      { label: '1000 tokens', amount: 50 },
    ]),
  );
  bot.command('soldout', (ctx) =>
    ctx.replyWithInvoice('Rare pack', 'Nobody gets this one', 'sold-out', 'XTR', [
      { label: 'Rare', amount: 99 },
    ]),
  );
  bot.on('pre_checkout_query', (ctx) =>
    ctx.preCheckoutQuery.invoice_payload === 'sold-out'
      ? ctx.answerPreCheckoutQuery(false, 'Sold out, sorry')
      : ctx.answerPreCheckoutQuery(true),
  );
  bot.on('message:successful_payment', (ctx) =>
    ctx.reply(
      `Paid ${ctx.message.successful_payment.total_amount} stars for ${ctx.message.successful_payment.invoice_payload}`,
    ),
  );
  bot.command('app', async (ctx) => {
    const link = await ctx.api.createInvoiceLink('App pack', 'Bought in the app', 'app-pack', '', 'XTR', [
      { label: 'App pack', amount: 75 },
    ]);
    await ctx.reply('Open the app', {
      reply_markup: new InlineKeyboard().webApp(
        'Open app',
        `${miniAppUrl}?invoice=${encodeURIComponent(link)}`,
      ),
    });
  });
  return bot;
}

const bubble = (page: Page, text: string | RegExp) =>
  page.getByTestId('message').filter({ hasText: text }).last();

const appLog = (frame: Frame, line: string) => frame.locator('#log li', { hasText: line });

describe('chat emulator in headless Chromium', () => {
  let telegram: TelegramServer;
  let miniApp: Awaited<ReturnType<typeof startTestMiniApp>>;
  let host: EmulatorHost;
  let bot: Bot;
  let browser: Browser;
  let distDir: string;

  before(async () => {
    // A build of its own: the sandbox may be serving dist/emulator, and other test files run in parallel.
    distDir = await mkdtemp(join(tmpdir(), 'emulator-e2e-'));
    await buildEmulator({ outDir: distDir });
    telegram = await startTelegramServer({ preCheckoutTimeoutMs: 5_000 });
    miniApp = await startTestMiniApp();
    const client = new TelegramTestClient(telegram.url);
    host = await startEmulatorHost({
      port: 0,
      telegram: { url: telegram.url, client },
      bots: [USER_BOT, ADMIN_BOT],
      miniAppUrl: miniApp.url,
      mailInboxUrl: 'http://127.0.0.1:8025/',
      distDir,
    });
    bot = testBot(telegram.url, miniApp.url);
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    await host?.close();
    await miniApp?.close();
    await telegram?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  test('a person signs in, chats, presses a button, pays invoices and opens the Mini App', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(host.url);

    // No users yet: the page asks for one.
    await page.getByTestId('new-user-first-name').fill('Ann');
    await page.getByTestId('new-user-username').fill('ann_emulator');
    await page.getByTestId('new-user-create').click();
    await page.getByTestId('chat-emu_shop_bot').click();
    assert.equal(await page.getByTestId('chat-title').textContent(), 'Emu Shop');
    assert.equal(await page.getByTestId('link-mail').getAttribute('href'), 'http://127.0.0.1:8025/');

    await page.getByTestId('composer-input').fill('hi');
    await page.getByTestId('composer-input').press('Enter');
    const hello = bubble(page, 'Hello, Ann');
    await hello.waitFor();
    assert.equal(await hello.locator('strong').textContent(), 'Ann');
    assert.equal(await hello.locator('code').textContent(), '/pay');
    await saveScreenshot(page, 'emulator-chat');

    await hello.getByRole('button', { name: 'Press me' }).click();
    const edited = bubble(page, 'Edited ✓ after the press');
    await edited.waitFor();
    assert.equal(await edited.locator('em').textContent(), 'after the press');
    assert.equal(await edited.locator('.edited').textContent(), 'edited');
    assert.equal(await edited.getByTestId('inline-button').count(), 0, 'the edit removed the keyboard');
    await page.getByTestId('toast').filter({ hasText: 'Pressed!' }).waitFor();

    await page.getByTestId('composer-input').fill('/menu');
    await page.getByTestId('send').click();
    await page.getByTestId('reply-keyboard').waitFor();
    await page.getByTestId('reply-button').filter({ hasText: 'Yes' }).click();
    await bubble(page, 'You said Yes').waitFor();
    await page.getByTestId('reply-keyboard').waitFor({ state: 'detached' });

    await page.getByTestId('attach').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('attach-photo').click(),
    ]);
    await chooser.setFiles({ name: 'dot.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('chat-status').filter({ hasText: 'sending a file…' }).waitFor();
    const sentPhoto = page.locator('.message.out').getByTestId('media-photo').last();
    await sentPhoto.waitFor();
    const shownWidth = await sentPhoto.evaluate((img) =>
      'naturalWidth' in img && img.complete ? img.naturalWidth : 0,
    );
    assert.equal(shownWidth, 1, 'the photo loads from the host');
    const report = bubble(page, 'Got your 1x1 photo');
    await report.waitFor();
    assert.equal(
      await page.getByTestId('chat-status').textContent(),
      'bot',
      'the answer ends the chat action',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByTestId('media-document').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'report.csv');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    assert.deepEqual(Buffer.concat(chunks), REPORT);

    await page.getByTestId('composer-input').fill('/pay');
    await page.getByTestId('send').click();
    const invoice = page.getByTestId('invoice').filter({ hasText: 'Token pack' });
    await invoice.waitFor();
    assert.match((await invoice.textContent()) ?? '', /1000 tokens for the test\s*50\s*TELEGRAM STARS/);
    await invoice.getByTestId('invoice-pay').click();
    await page.getByTestId('payment-confirm').click();
    await page
      .getByTestId('payment-message')
      .filter({ hasText: 'You successfully transferred 50 to Emu Shop' })
      .waitFor();
    await bubble(page, 'Paid 50 stars for pack-1000').waitFor();
    await invoice.getByTestId('invoice-paid').waitFor();
    await saveScreenshot(page, 'emulator-payment');

    await page.getByTestId('composer-input').fill('/soldout');
    await page.getByTestId('send').click();
    await page.getByTestId('invoice').filter({ hasText: 'Rare pack' }).getByTestId('invoice-pay').click();
    await page.getByTestId('payment-confirm').click();
    assert.equal(await page.getByTestId('payment-failure').textContent(), 'Sold out, sorry');
    await saveScreenshot(page, 'emulator-payment-refused');
    await page.getByTestId('payment-close').click();

    await page.getByTestId('composer-input').fill('/app');
    await page.getByTestId('send').click();
    await bubble(page, 'Open the app')
      .getByRole('button', { name: /Open app/ })
      .click();
    const frameElement = page.getByTestId('miniapp-frame');
    await frameElement.waitFor();
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    assert.ok(frame, 'the panel frames the Mini App');
    await appLog(frame, 'ready').waitFor();
    assert.equal(await frame.locator('#hello').textContent(), 'Hello, Ann');

    const launch = new URL(frame.url());
    assert.equal(`${launch.origin}${launch.pathname}`, miniApp.url);
    const initData = new URLSearchParams(launch.hash.slice(1)).get('tgWebAppData') ?? '';
    validate(initData, USER_BOT.token);
    assert.throws(
      () => validate(initData, ADMIN_BOT.token),
      'signed with the token of the bot that opened it',
    );

    await page.getByTestId('miniapp-main-button').filter({ hasText: 'Buy tokens' }).click();
    await appLog(frame, 'main_button_pressed').waitFor();
    await page.getByTestId('miniapp-back').click();
    await appLog(frame, 'back_button_pressed').waitFor();
    await saveScreenshot(page, 'emulator-miniapp');

    await frame.locator('#pay').click();
    const sheet = page.getByTestId('payment-sheet');
    await sheet.filter({ hasText: 'App pack' }).waitFor();
    await page.getByTestId('payment-confirm').click();
    await appLog(frame, 'invoice paid').waitFor();
    await bubble(page, 'Paid 75 stars for app-pack').waitFor();

    await page.getByTestId('theme-toggle').click();
    await appLog(frame, 'theme #212121').waitFor();
    await saveScreenshot(page, 'emulator-miniapp-dark');

    await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 6_000 });
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
