import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { z } from 'zod';
import {
  emulateTelegramClient,
  isTelegramBackButtonVisible,
  launchBrowser,
  pressTelegramBackButton,
  saveScreenshot,
} from './browser.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';
import { startStack } from './stack.ts';

type TStack = Awaited<ReturnType<typeof startStack>>;

/** A Telegram id no other test or earlier run uses. */
function uniqueTelegramId(): number {
  return 6_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
}

describe('Mini App in headless Chromium', () => {
  let stack: TStack;
  let browser: Browser;
  const createdUserIds: bigint[] = [];

  before(async () => {
    buildMiniAppIfStale();
    stack = await startStack();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (stack) {
      await stack.db.user.deleteMany({ where: { id: { in: createdUserIds } } });
      await stack.stop();
    }
  });

  test('greets the user, shows the profile and switches the language to Russian', async () => {
    const id = uniqueTelegramId();
    createdUserIds.push(BigInt(id));
    const email = `x${id}@example.com`;
    await stack.db.user.create({
      data: {
        id: BigInt(id),
        firstName: 'Ann',
        username: `ann${id}`,
        language: 'en',
        email,
        emailVerifiedAt: new Date(),
        signedUpAt: new Date(),
        referralCode: `r${id}`,
      },
    });
    const initData = stack.signInitData({ id, first_name: 'Ann', username: `ann${id}`, language_code: 'en' });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await emulateTelegramClient(context);
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(launchUrl(stack.appUrl, initData));

    await waitForTitle(page, 'Hi, Ann!');
    assert.equal(await isTelegramBackButtonVisible(page), false, 'home hides the BackButton');
    await saveScreenshot(page, 'miniapp-home-en');

    await page.getByTestId('nav-profile').click();
    await waitForTitle(page, 'Profile');
    assert.equal(await page.getByTestId('profile-email').textContent(), email);
    assert.equal(await page.getByTestId('profile-email-verified').textContent(), 'Verified');
    assert.equal(await page.getByTestId('profile-username').textContent(), `@ann${id}`);
    assert.match((await page.getByTestId('profile-telegram-id').textContent()) ?? '', new RegExp(String(id)));
    assert.equal(await isTelegramBackButtonVisible(page), true, 'profile shows the BackButton');
    await saveScreenshot(page, 'miniapp-profile-en');

    await page.getByTestId('language-option-ru').click();
    await waitForTitle(page, 'Профиль');
    assert.equal(await page.getByTestId('profile-email-verified').textContent(), 'Подтверждена');
    assert.equal(await page.evaluate('document.documentElement.lang'), 'ru');
    const saved = await stack.db.user.findUnique({ where: { id: BigInt(id) }, select: { language: true } });
    assert.equal(saved?.language, 'ru');
    await saveScreenshot(page, 'miniapp-profile-ru');

    await pressTelegramBackButton(page);
    await waitForTitle(page, 'Привет, Ann!');
    assert.equal(await isTelegramBackButtonVisible(page), false, 'back on home the BackButton hides again');
    await saveScreenshot(page, 'miniapp-home-ru');

    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('the device’s time zone is reported and kept; a banned user gets the ban screen with the reason', async () => {
    const id = uniqueTelegramId();
    createdUserIds.push(BigInt(id));
    const initData = stack.signInitData({ id, first_name: 'Eve', language_code: 'ru' });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      timezoneId: 'Asia/Yekaterinburg',
    });
    await emulateTelegramClient(context);
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(launchUrl(stack.appUrl, initData));
    await waitForTitle(page, 'Привет, Eve!');
    const zone = async () =>
      (await stack.db.user.findUnique({ where: { id: BigInt(id) }, select: { timeZone: true } }))?.timeZone;
    for (let i = 0; i < 50 && (await zone()) !== 'Asia/Yekaterinburg'; i++) await page.waitForTimeout(100);
    assert.equal(await zone(), 'Asia/Yekaterinburg');

    await stack.db.user.update({ where: { id: BigInt(id) }, data: { status: 'banned', banReason: 'спам' } });
    await page.reload();
    const banned = page.getByTestId('banned');
    await banned.waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('banned-reason').textContent(), 'Причина: спам');
    const text = (await banned.textContent()) ?? '';
    assert.match(text, /Ваш аккаунт заблокирован/);
    assert.match(text, /\/support/, 'the screen says how to appeal');
    assert.equal(await page.getByTestId('error').count(), 0, 'not the generic error screen');
    await saveScreenshot(page, 'miniapp-banned-ru');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('tampered initData shows the "open from Telegram" state', async () => {
    const initData = stack.signInitData({
      id: uniqueTelegramId(),
      first_name: 'Mallory',
      language_code: 'ru',
    });
    // Claim someone else's id while keeping the original hash: the signature no longer matches.
    const params = new URLSearchParams(initData);
    const user = z.record(z.string(), z.unknown()).parse(JSON.parse(params.get('user') ?? '{}'));
    params.set('user', JSON.stringify({ ...user, id: uniqueTelegramId() }));

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await emulateTelegramClient(context);
    const page = await context.newPage();
    await page.goto(launchUrl(stack.appUrl, params.toString()));

    const state = page.getByTestId('open-from-telegram');
    await state.waitFor({ timeout: 15_000 });
    // No saved language for a forged session: the screen speaks the Telegram client's language.
    assert.match((await state.textContent()) ?? '', /Откройте приложение в\sTelegram/);
    assert.equal(await page.getByTestId('page-title').count(), 0, 'no page content leaks');
    await saveScreenshot(page, 'miniapp-open-from-telegram');
    await context.close();
  });
});
