import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validate } from '@telegram-apps/init-data-node';
import { Bot, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
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

/** Whether the bubble's last line shows in the message list's visible area, as a reader would see it. */
const lastLineInView = (bubble: Locator) =>
  bubble.evaluate((element) => {
    const list = element.closest('[data-testid="message-list"]');
    if (!list) return false;
    const shown = list.getBoundingClientRect();
    const { bottom } = element.getBoundingClientRect();
    return bottom > shown.top && bottom <= shown.bottom + 1;
  });

/** Polls `check` for up to `ms`: the page scrolls in a layout effect, or smoothly after a click. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const words = (length: number) =>
  'lorem ipsum dolor sit amet '.repeat(Math.ceil(length / 27)).slice(0, length);

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

    // The toast shows for a few seconds only: watch for it from the press, not after the edit's checks.
    const pressedToast = page.getByTestId('toast').filter({ hasText: 'Pressed!' }).waitFor();
    await hello.getByRole('button', { name: 'Press me' }).click();
    const edited = bubble(page, 'Edited ✓ after the press');
    await edited.waitFor();
    assert.equal(await edited.locator('em').textContent(), 'after the press');
    assert.equal(await edited.locator('.edited').textContent(), 'edited');
    assert.equal(await edited.getByTestId('inline-button').count(), 0, 'the edit removed the keyboard');
    await pressedToast;

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

  /** A user of the local Bot API, made through the host as the page's "New user" makes one. */
  async function newUser(firstName: string, language: 'en' | 'ru' = 'en'): Promise<number> {
    const response = await fetch(new URL('/api/users', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName, language }),
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { id: number }).id;
  }

  /** A fresh page (its own localStorage) as `userId`, in the shop bot's chat. */
  async function openChatAs(
    userId: number,
  ): Promise<{ page: Page; pageErrors: Error[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(host.url);
    await page.getByTestId('user-select').selectOption(String(userId));
    await page.getByTestId('chat-emu_shop_bot').click();
    return { page, pageErrors, close: () => context.close() };
  }

  async function openShopApp(page: Page): Promise<Frame> {
    await page.getByTestId('composer-input').fill('/app');
    await page.getByTestId('composer-input').press('Enter');
    await bubble(page, 'Open the app')
      .getByRole('button', { name: /Open app/ })
      .click();
    const frameElement = page.getByTestId('miniapp-frame');
    await frameElement.waitFor();
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    assert.ok(frame, 'the panel frames the Mini App');
    await appLog(frame, 'ready').waitFor();
    return frame;
  }

  test('switching the user closes the Mini App opened as the user before', async () => {
    const olga = await newUser('Olga');
    const ben = await newUser('Ben');
    const { page, pageErrors, close } = await openChatAs(olga);
    const frame = await openShopApp(page);
    assert.equal(await frame.locator('#hello').textContent(), 'Hello, Olga');

    await page.getByTestId('user-select').selectOption(String(ben));
    await page.getByTestId('miniapp-panel').waitFor({ state: 'detached', timeout: 2_000 });
    for (const open of page.frames())
      assert.notEqual(
        await open
          .locator('#hello')
          .textContent({ timeout: 500 })
          .catch(() => null),
        'Hello, Olga',
      );

    await page.getByTestId('chat-emu_shop_bot').click();
    const again = await openShopApp(page);
    assert.equal(await again.locator('#hello').textContent(), 'Hello, Ben', 'opened again: Ben’s initData');
    assert.deepEqual(pageErrors, []);
    await close();
  });

  test('a new message scrolls into view when the reader is at the bottom; otherwise a button counts it', async () => {
    const userId = await newUser('Reader');
    const { page, pageErrors, close } = await openChatAs(userId);
    // More than a screenful, within the Bot API's burst of 20 messages to one chat.
    for (let i = 1; i <= 12; i++)
      await bot.api.sendMessage(userId, `Filler ${i}\nwith a second line\nand a third`);
    const lastFiller = bubble(page, 'Filler 12');
    await lastFiller.waitFor();
    await eventually(() => lastLineInView(lastFiller), 'the chat opens at its newest message');

    // An answer taller than the "near the bottom" margin, as AI answers are.
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of a long answer`);
    await bot.api.sendMessage(userId, ['A tall answer', ...lines, 'End of the tall answer'].join('\n'));
    const tall = bubble(page, 'End of the tall answer');
    await tall.waitFor();
    await eventually(() => lastLineInView(tall), 'the new bot message is scrolled into view');
    assert.equal(await page.getByTestId('scroll-to-newest').count(), 0, 'no button while at the bottom');

    // Reading older messages: a new one does not pull the reader away; the button counts it.
    const list = page.getByTestId('message-list');
    await list.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.getByTestId('scroll-to-newest').waitFor();
    await bot.api.sendMessage(userId, 'While you were reading above');
    const later = bubble(page, 'While you were reading above');
    await later.waitFor();
    const button = page.getByTestId('scroll-to-newest');
    await button.filter({ hasText: '1 new message' }).waitFor();
    await saveScreenshot(page, 'emulator-new-messages');
    assert.equal(await list.evaluate((element) => element.scrollTop), 0, 'the reader stays where they were');
    assert.equal(await lastLineInView(later), false);
    await button.click();
    await eventually(() => lastLineInView(later), 'the button goes down to the new message');
    await button.waitFor({ state: 'detached' });

    // What the person sends is always shown, wherever they were reading.
    await list.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.getByTestId('composer-input').fill('My own words');
    await page.getByTestId('composer-input').press('Enter');
    const mine = page.locator('.message.out').filter({ hasText: 'My own words' });
    await mine.waitFor();
    await eventually(() => lastLineInView(mine), 'the sent message is scrolled into view');
    assert.deepEqual(pageErrors, []);
    await close();
  });

  test('the client speaks the current user’s language: Russian for ru, English for anyone else', async () => {
    const dasha = await newUser('Даша', 'ru');
    const dan = await newUser('Dan', 'en');
    for (const userId of [dasha, dan])
      await bot.api.sendPhoto(userId, new InputFile(TINY_PNG, 'dot.png'), { caption: `Photo for ${userId}` });
    const { page, pageErrors, close } = await openChatAs(dasha);
    const input = page.getByTestId('composer-input');
    const client = {
      ru: {
        download: 'Скачать',
        placeholder: 'Сообщение',
        attach: ['Фото', 'Видео', 'Аудио', 'Голосовое сообщение', 'Файл'],
        status: 'бот',
        pay: 'Оплатить 50',
        from: 'от Emu Shop',
        paid: '✓ Оплачено',
        transferred: 'Вы успешно перевели 50 для Emu Shop',
      },
      en: {
        download: 'Download',
        placeholder: 'Message',
        attach: ['Photo', 'Video', 'Audio', 'Voice message', 'File'],
        status: 'bot',
        pay: 'Pay 50',
        from: 'from Emu Shop',
        paid: '✓ Paid',
        transferred: 'You successfully transferred 50 to Emu Shop',
      },
    };

    for (const [userId, language] of [
      [dasha, 'ru'],
      [dan, 'en'],
    ] as const) {
      const expected = client[language];
      if (userId === dan) {
        // The same page, another account: the client's words follow the user now at the keyboard.
        await page.getByTestId('user-select').selectOption(String(dan));
        await page.getByTestId('chat-emu_shop_bot').click();
      }
      const photo = bubble(page, `Photo for ${userId}`);
      await photo.getByTestId('media-photo').waitFor();
      assert.equal(await photo.getByTestId('media-download').textContent(), expected.download);
      assert.equal(await input.getAttribute('placeholder'), expected.placeholder);
      assert.equal(await page.getByTestId('chat-status').textContent(), expected.status);
      await page.getByTestId('attach').click();
      assert.deepEqual(await page.locator('.attach-menu button').allTextContents(), expected.attach);
      await page.getByTestId('attach').click();

      await input.fill('/pay');
      await input.press('Enter');
      const invoice = page.getByTestId('invoice').filter({ hasText: 'Token pack' });
      await invoice.waitFor();
      assert.equal(await invoice.getByTestId('invoice-pay').textContent(), expected.pay);
      await invoice.getByTestId('invoice-pay').click();
      const sheet = page.getByTestId('payment-sheet');
      assert.equal(await sheet.locator('.sheet-from').textContent(), expected.from);
      assert.equal(await page.getByTestId('payment-confirm').textContent(), expected.pay);
      if (language === 'ru') await saveScreenshot(page, 'emulator-payment-sheet-ru');
      await page.getByTestId('payment-confirm').click();
      await page.getByTestId('payment-message').filter({ hasText: expected.transferred }).waitFor();
      assert.equal(await invoice.getByTestId('invoice-paid').textContent(), expected.paid);
      await bubble(page, 'Paid 50 stars for pack-1000').waitFor();
    }
    assert.deepEqual(pageErrors, []);
    await close();
  });

  test('a text over 4,096 characters is sent as several messages, as Telegram clients send it', async () => {
    const userId = await newUser('Writer');
    const { page, pageErrors, close } = await openChatAs(userId);
    const text = words(9_000);
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');
    await eventually(
      async () => (await page.locator('.message.out').count()) === 3,
      'three messages shown as sent',
    );
    const sent = (
      await new TelegramTestClient(telegram.url).messages({ token: USER_BOT.token, chatId: userId })
    )
      .filter((message) => message.sender === 'user')
      .map((message) => message.text ?? '');
    assert.equal(sent.length, 3);
    for (const part of sent) assert.ok(part.length <= 4096, `${part.length} characters in one message`);
    assert.equal(sent.join(' '), text.trim(), 'cut between words, in order, nothing lost');
    assert.equal(await page.getByTestId('alert').count(), 0, 'no error dialog');
    assert.equal(await page.getByTestId('composer-input').inputValue(), '');
    assert.deepEqual(pageErrors, []);
    await close();
  });
});
