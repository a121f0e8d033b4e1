import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { creditUser } from '#tests/support/studio-fixtures.ts';
import { emulateTelegramClient, launchBrowser, pressTelegramBackButton, saveScreenshot } from './browser.ts';
import { uniqueUserId } from './ids.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

// The AI studio of the Mini App end to end: the real app and worker processes, the OpenAI stand-in as
// GPT-4o mini (streamed over SSE to the page), the prediction stand-in as Stable Diffusion (a job with
// progress), Debian's Chromium as the Telegram client's web view.

const STABLE_DIFFUSION = 'stability-ai/stable-diffusion-3.5-large';

let stack: Stack;
let browser: Browser;
before(async () => {
  buildMiniAppIfStale();
  stack = await startStack({ name: 'miniapp-studio' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/**
 * Every value `read` gives from now on, sampled whenever the page's DOM changes. A script string, like
 * browser.ts: this file is type-checked without the DOM library.
 */
async function watch(page: Page, name: string, read: string): Promise<() => Promise<(string | number)[]>> {
  await page.evaluate(`(() => {
    const seen = [];
    window['__watch_${name}'] = seen;
    const record = () => {
      const value = (() => { ${read} })();
      if (value != null && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
    });
  })()`);
  return async () =>
    z.array(z.union([z.string(), z.number()])).parse(await page.evaluate(`window['__watch_${name}']`));
}

test('studio: a streamed chat reply, an image with progress, the gallery and the usage page', async () => {
  const id = uniqueUserId();
  await signUp(stack, { id, firstName: 'Ada', language: 'en' });
  await creditUser(stack.db, BigInt(id), 20_000n);
  // Slow enough to watch the reply arrive piece by piece, and the picture's progress move.
  stack.openai.control.setStreamChunkSize(4);
  stack.openai.control.setStreamDelay(60);
  stack.predictions.control.setModel(STABLE_DIFFUSION, { kind: 'image', delayMs: 5_000 });

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(
    launchUrl(stack.appUrl, stack.signInitData({ id, first_name: 'Ada', language_code: 'en' })),
  );
  await waitForTitle(page, 'Hi, Ada!');

  await page.getByTestId('nav-studio').click();
  await waitForTitle(page, 'AI studio');
  await saveScreenshot(page, 'miniapp-studio-home');

  // Chat: a new dialog, a message with Markdown and an HTML tag; the reply streams in.
  await page.getByTestId('studio-chat').click();
  await waitForTitle(page, 'Chat');
  await page.getByTestId('dialogs-empty').waitFor();
  await page.getByTestId('dialogs-new').click();
  await waitForTitle(page, 'New dialog');
  assert.match(await text(page, 'chat-model'), /^GPT-4o mini · 250 tokens a message · balance 20,000$/);
  const streamed = await watch(
    page,
    'reply',
    `return document.querySelector('[data-testid="chat-streaming"] .markdown')?.textContent?.length ?? null;`,
  );
  await page.getByTestId('chat-input').fill('Hello **studio** <b>raw</b> `code`');
  await page.getByTestId('chat-send').click();
  await page.getByTestId('chat-streaming').filter({ hasText: 'Echo' }).waitFor({ timeout: 15_000 });
  await saveScreenshot(page, 'miniapp-studio-chat-streaming');
  const reply = page.getByTestId('chat-message-model');
  await reply.waitFor({ timeout: 30_000 });
  const lengths = (await streamed()).map(Number).filter((n) => n > 0);
  assert.ok(lengths.length >= 5, `the reply grew in steps on the page: ${lengths.join(', ')}`);
  assert.deepEqual(
    lengths,
    [...lengths].sort((a, b) => a - b),
    'and only grew',
  );
  // The model's Markdown became elements; its HTML stayed text.
  assert.equal(await reply.locator('strong').first().textContent(), 'studio');
  assert.equal(await reply.locator('code').first().textContent(), 'code');
  assert.equal(await reply.locator('b').count(), 0);
  assert.match((await reply.textContent()) ?? '', /Echo \(gpt-4o-mini\): Hello studio <b>raw<\/b> code/);
  assert.match(await text(page, 'chat-model'), /balance 19,750$/);
  await waitForTitle(page, 'Hello **studio** <b>raw</b> `code`');
  await saveScreenshot(page, 'miniapp-studio-chat');
  const chats = await stack.db.aiRequest.findMany({ where: { userId: BigInt(id), kind: 'text' } });
  assert.deepEqual(
    chats.map((r) => [r.source, r.status, r.charged]),
    [['miniapp', 'succeeded', 250n]],
  );
  stack.openai.control.setStreamDelay(0);

  // Back to the studio, then an image: the price and the balance first, a progress bar, the picture.
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'Chat');
  assert.equal(await page.getByTestId('dialog-row').count(), 1);
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'AI studio');
  await page.getByTestId('studio-image').click();
  await waitForTitle(page, 'Create an image');
  // The hour's quota is there before any model is picked.
  assert.equal(await text(page, 'generate-quota'), '5 of 5 generations left this hour on the free tier.');
  await page.getByTestId('generate-model-stable-diffusion').click();
  assert.equal(await text(page, 'generate-cost'), '5,000 tokens');
  assert.equal(await text(page, 'generate-balance'), '19,750 tokens');
  await page.getByTestId('generate-prompt').fill('A lighthouse on a cliff at dusk, oil painting');
  await saveScreenshot(page, 'miniapp-studio-generate');
  const progress = await watch(
    page,
    'progress',
    `const v = document.querySelector('[data-testid="generate-progress"]')?.getAttribute('data-value');
     return v == null ? null : Number(v);`,
  );
  await page.getByTestId('generate-start').click();
  await page.getByTestId('generate-running').waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    `Number(document.querySelector('[data-testid="generate-progress"]')?.getAttribute('data-value')) > 0`,
    undefined,
    { timeout: 30_000 },
  );
  await saveScreenshot(page, 'miniapp-studio-generate-progress');
  const image = page.getByTestId('generate-result-image');
  await image.waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    `document.querySelector('[data-testid="generate-result-image"]')?.naturalWidth > 0`,
    undefined,
    { timeout: 10_000 },
  );
  const values = (await progress()).map(Number);
  assert.ok(
    values.some((v) => v > 0 && v < 100),
    `the bar showed the provider's progress on the way: ${values.join(', ')}`,
  );
  assert.equal(await text(page, 'generate-charged'), 'Charged: 5,000 tokens');
  await saveScreenshot(page, 'miniapp-studio-generate-done');
  const generated = await stack.db.aiRequest.findFirstOrThrow({
    where: { userId: BigInt(id), kind: 'image' },
  });
  assert.deepEqual(
    [generated.modelId, generated.source, generated.status, generated.charged, generated.chatId],
    ['stable-diffusion', 'miniapp', 'succeeded', 5_000n, null],
  );

  // The gallery has it; opening it shows the picture with its download.
  await page.getByTestId('generate-open-gallery').click();
  await waitForTitle(page, 'Gallery');
  await page.getByTestId('gallery-tile').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('gallery-tile').count(), 1);
  await page.getByTestId('gallery-filter-video').click();
  await page.getByTestId('gallery-empty').waitFor();
  await page.getByTestId('gallery-filter-image').click();
  await page.getByTestId('gallery-tile').first().waitFor();
  await saveScreenshot(page, 'miniapp-studio-gallery');
  await page.getByTestId('gallery-tile').first().click();
  await waitForTitle(page, 'Stable Diffusion');
  await page.waitForFunction(
    `document.querySelector('[data-testid="gallery-open-image"]')?.naturalWidth > 0`,
    undefined,
    { timeout: 10_000 },
  );
  const src = await page.getByTestId('gallery-open-image').getAttribute('src');
  assert.match(src ?? '', new RegExp(`^/files/${generated.resultFileId}\\?exp=\\d+&sig=`));

  // Usage: the chat reply and the picture, by model, with today's bar.
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'Gallery');
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'Create an image');
  await pressTelegramBackButton(page);
  await waitForTitle(page, 'AI studio');
  await page.getByTestId('studio-usage').click();
  await waitForTitle(page, 'Usage');
  await page.getByTestId('usage-table').waitFor({ timeout: 10_000 });
  assert.equal(await text(page, 'usage-total-tokens'), '5,250 tokens');
  assert.equal(await text(page, 'usage-total-requests'), '2 requests');
  const rows = await page.getByTestId('usage-model-row').allTextContents();
  assert.deepEqual(rows, ['Stable Diffusion · Images15,000', 'GPT-4o mini · Chat1250']);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(
    await page.locator(`[data-testid="usage-bar"][data-day="${today}"]`).getAttribute('data-tokens'),
    '5250',
  );
  assert.equal(await page.getByTestId('usage-bar').count(), 30);
  await saveScreenshot(page, 'miniapp-studio-usage');

  assert.deepEqual(pageErrors, []);
  await context.close();
});
