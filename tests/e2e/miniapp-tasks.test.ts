import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { ZTaskLaunchPayloadSchema } from '#core/analytics/analytics-events.ts';
import { reserve } from '#core/ledger/holds.ts';
import { creditUser, sampleBytes } from '#tests/support/studio-fixtures.ts';
import {
  emulateTelegramClient,
  launchBrowser,
  pressTelegramBackButton,
  saveScreenshot,
  telegramEvents,
} from './browser.ts';
import { buttonsOf } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from './miniapp-launch.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

// The vgen user stories end to end: the real app and worker processes, the prediction stand-in as the
// video provider (Kling's default route), the local Bot API for the bot's side, Debian's Chromium for the
// Mini App.

const KLING = 'kwaivgi/kling-v2.1';

let stack: Stack;
let browser: Browser;
let dir: string;
before(async () => {
  buildMiniAppIfStale();
  stack = await startStack({ name: 'miniapp-tasks' });
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'polygram-e2e-tasks-'));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/**
 * Every value the upload bar of `kind` shows from now on (it appears once the upload starts). A script
 * string, like browser.ts: this file is type-checked without the DOM library.
 */
async function watchUploadBar(page: Page, kind: string): Promise<() => Promise<number[]>> {
  await page.evaluate(`(() => {
    const seen = [];
    window.__uploadValues = seen;
    const record = () => {
      const value = document.querySelector('[data-testid="task-upload-${kind}"]')?.getAttribute('data-value');
      if (value != null && seen.at(-1) !== Number(value)) seen.push(Number(value));
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-value'],
    });
  })()`);
  return async () => z.array(z.number()).parse(await page.evaluate('window.__uploadValues'));
}

test('create a task, upload with a progress bar, run it for its price, watch it finish, download, regenerate', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Vera', language: 'en' });
  await creditUser(stack.db, BigInt(id), 100_000n);
  // Long enough for the page to show the run in progress before it is done.
  stack.predictions.control.setModel(KLING, { kind: 'video', delayMs: 4_000 });

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await emulateTelegramClient(context);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const initData = stack.signInitData({ id, first_name: 'Vera', language_code: 'en' });
  await page.goto(launchUrl(stack.appUrl, initData));
  await waitForTitle(page, 'Hi, Vera!');

  // List (empty) → new task: Kling with its price, ten seconds, vertical.
  await page.getByTestId('nav-tasks').click();
  await waitForTitle(page, 'Video tasks');
  await page.getByTestId('tasks-empty').waitFor();
  await page.getByTestId('tasks-new').click();
  await waitForTitle(page, 'New task');
  assert.equal(await text(page, 'task-model-kling'), 'Kling38,000 tokens');
  await page.getByTestId('task-title-input').fill('Beach teaser');
  await page.getByTestId('task-model-kling').click();
  await page.getByTestId('task-prompt-input').fill('Waves roll onto a beach at sunset, slow camera pan');
  await page.getByTestId('task-seconds-10').click();
  await page.getByTestId('task-aspect-9:16').click();
  await saveScreenshot(page, 'miniapp-task-new');
  await page.getByTestId('task-create').click();
  await waitForTitle(page, 'Beach teaser');
  assert.equal(await text(page, 'task-status'), 'Draft');
  const task = await stack.db.videoTask.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.deepEqual([task.modelId, task.params], ['kling', { seconds: 10, aspect: '9:16' }]);

  // Upload a 6 MB video over a throttled link: the bar moves through real progress to 100 %.
  const videoPath = join(dir, 'beach.mp4');
  const video = Buffer.concat([
    sampleBytes.video(),
    Buffer.alloc(6 * 1024 * 1024 - sampleBytes.video().length),
  ]);
  await writeFile(videoPath, video);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 3 * 1024 * 1024,
  });
  const uploadValues = await watchUploadBar(page, 'video');
  await page.getByTestId('task-material-input-video').setInputFiles(videoPath);
  await page.locator('[data-testid="task-upload-video"][data-value="100"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('task-upload-video').filter({ hasText: 'Uploaded' }).waitFor({ timeout: 10_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const values = await uploadValues();
  assert.equal(values.at(-1), 100);
  assert.ok(
    values.some((v) => v > 0 && v < 100),
    `the bar showed progress on the way: ${values.join(', ')}`,
  );
  await page.getByTestId('task-material-video').and(page.locator('[data-filled="yes"]')).waitFor();
  assert.match(await text(page, 'task-material-name'), /^beach\.mp4 · 6 MB$/);
  await saveScreenshot(page, 'miniapp-task-uploaded');

  // And an audio track, small: no throttling.
  const audioPath = join(dir, 'voice.wav');
  await writeFile(audioPath, sampleBytes.audio());
  await page.getByTestId('task-material-input-audio').setInputFiles(audioPath);
  await page.getByTestId('task-upload-audio').filter({ hasText: 'Uploaded' }).waitFor({ timeout: 10_000 });
  const uploads = await stack.db.storedFile.findMany({
    where: { userId: BigInt(id) },
    orderBy: { createdAt: 'asc' },
  });
  assert.deepEqual(
    uploads.map((f) => [f.kind, Number(f.size), f.expiresAt]),
    [
      ['video', video.length, null],
      ['audio', sampleBytes.audio().length, null],
    ],
    'attached uploads are kept while the task holds them',
  );

  // Run: the cost and the balance first, then the confirmation.
  await page.getByTestId('task-run').click();
  await page.getByTestId('task-confirm').waitFor();
  assert.equal(await text(page, 'task-cost'), '38,000 tokens');
  assert.equal(await text(page, 'task-balance'), '100,000 tokens');
  await saveScreenshot(page, 'miniapp-task-confirm');
  await page.getByTestId('task-confirm-run').click();
  await page.locator('[data-testid="task-status"][data-status="running"]').waitFor({ timeout: 10_000 });
  await page.getByTestId('task-progress').waitFor({ timeout: 10_000 });
  await saveScreenshot(page, 'miniapp-task-running');
  await page.locator('[data-testid="task-status"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
  assert.equal(await text(page, 'task-status'), 'Done');
  assert.equal(await text(page, 'task-run-status'), 'Done · 38,000 tokens charged');
  await saveScreenshot(page, 'miniapp-task-done');

  // The preview plays the stored result; the download goes through Telegram's file download.
  const preview = page.getByTestId('task-result-video').first();
  const previewSrc = (await preview.getAttribute('src')) ?? '';
  const served = await fetch(new URL(previewSrc, stack.appUrl));
  assert.deepEqual([served.status, served.headers.get('content-type')], [200, 'video/mp4']);
  const result = Buffer.from(await served.arrayBuffer());
  assert.deepEqual(result, sampleBytes.video(), 'the provider’s video, stored and served');
  await page.getByTestId('task-result-download').first().click();
  const request = (await telegramEvents(page)).find((e) => e.name === 'web_app_request_file_download');
  const asked = z.object({ url: z.string(), file_name: z.string() }).parse(request?.data);
  assert.match(asked.file_name, /^kling-\d+\.mp4$/);
  const downloaded = await fetch(asked.url);
  assert.equal(downloaded.status, 200);
  assert.match(downloaded.headers.get('content-disposition') ?? '', /^attachment/);
  assert.deepEqual(Buffer.from(await downloaded.arrayBuffer()), result);

  // The bot says the video is ready, names the task, and opens it.
  const notice = await chat.expect(
    '✅ Your video “Beach teaser” is ready (Kling). Charged: 38,000 tokens.',
    20_000,
  );
  const buttons = buttonsOf(notice);
  const open = buttons.find((b) => b.text === 'Open the task');
  assert.ok(open && 'web_app' in open && open.web_app, 'a web_app button');
  assert.equal(new URL(open.web_app.url).searchParams.get('task'), task.id.toString());
  assert.ok(buttons.some((b) => b.text === '⬇️ Download the video' && 'url' in b));

  // Regenerate: same materials, no upload, the new price confirmed against the new balance.
  await page.getByTestId('task-regenerate').click();
  await page.getByTestId('task-confirm').waitFor();
  assert.equal(await text(page, 'task-balance'), '62,000 tokens');
  await page.getByTestId('task-confirm-run').click();
  await page.locator('[data-testid="task-status"][data-status="running"]').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="task-status"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('task-run-item').count(), 2);
  const runs = await stack.db.aiRequest.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
  assert.deepEqual(
    runs.map((r) => [r.status, r.charged, r.cacheHit, (r.params as { inputFileIds: string[] }).inputFileIds]),
    [
      ['succeeded', 38_000n, false, uploads.map((f) => f.id)],
      ['succeeded', 38_000n, false, uploads.map((f) => f.id)],
    ],
  );
  const files = await stack.db.storedFile.findMany({
    where: { userId: BigInt(id) },
    orderBy: { createdAt: 'asc' },
  });
  assert.deepEqual(
    files.map((f) => f.id),
    [...uploads.map((f) => f.id), runs[0]?.resultFileId, runs[1]?.resultFileId],
    'the two uploads and two results: nothing uploaded again',
  );
  await chat.expect('✅ Your video “Beach teaser” is ready', 20_000);
  const launches = (
    await stack.db.analyticsEvent.findMany({
      where: { type: 'task_launch', userId: BigInt(id) },
      orderBy: { id: 'asc' },
    })
  ).map((e) => ZTaskLaunchPayloadSchema.parse(e.payload).task_properties);
  assert.deepEqual(
    launches.map((p) => [p.phase, p.run_id, p.regenerate ?? null]),
    [
      ['accepted', runs[0]?.id.toString(), false],
      ['finished', runs[0]?.id.toString(), null],
      ['accepted', runs[1]?.id.toString(), true],
      ['finished', runs[1]?.id.toString(), null],
    ],
  );
  assert.ok(
    launches.filter((p) => p.phase === 'finished').every((p) => typeof p.provider_task_id === 'string'),
  );

  // /tasks in the bot lists it with its status and opens it in the Mini App.
  await chat.send('/tasks');
  const list = await chat.expect('Your video tasks');
  assert.match(list.text ?? '', /✅ Beach teaser · Kling/);
  const row = buttonsOf(list).find((b) => b.text === '✅ Beach teaser');
  assert.ok(row && 'web_app' in row && row.web_app);
  assert.equal(new URL(row.web_app.url).searchParams.get('task'), task.id.toString());
  assert.ok(buttonsOf(list).some((b) => b.text === '➕ New task'));

  // That button's link opens the app on the task; the BackButton leads to the list, then home.
  const deep = await context.newPage();
  const deepLink = launchUrl(stack.appUrl, initData).replace('/#', `/?task=${task.id}#`);
  await deep.goto(deepLink);
  await waitForTitle(deep, 'Beach teaser');
  assert.equal(await text(deep, 'task-status'), 'Done');
  await pressTelegramBackButton(deep);
  await waitForTitle(deep, 'Video tasks');
  assert.equal(await text(deep, 'task-row-status'), 'Done');
  await pressTelegramBackButton(deep);
  await waitForTitle(deep, 'Hi, Vera!');

  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a failed run costs nothing and says so in the app and in the bot', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Fedor', language: 'ru' });
  await creditUser(stack.db, BigInt(id), 40_000n);
  stack.predictions.control.setModel(KLING, { kind: 'video', delayMs: 1_000, failureRate: 1 });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await emulateTelegramClient(context);
    const page = await context.newPage();
    await page.goto(
      launchUrl(stack.appUrl, stack.signInitData({ id, first_name: 'Fedor', language_code: 'ru' })).replace(
        '/#',
        '/?task=new#',
      ),
    );
    await waitForTitle(page, 'Новое задание');
    await page.getByTestId('task-title-input').fill('Шторм');
    await page.getByTestId('task-model-kling').click();
    await page.getByTestId('task-prompt-input').fill('Шторм над морем');
    await page.getByTestId('task-create').click();
    await waitForTitle(page, 'Шторм');
    await page.getByTestId('task-run').click();
    // ru-RU groups digits with a no-break space.
    assert.match(await text(page, 'task-cost'), /^38\s000 ток\.$/u);
    await page.getByTestId('task-confirm-run').click();
    await page.locator('[data-testid="task-status"][data-status="failed"]').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'task-run-status'), 'Не удалось, токены не списаны');
    assert.equal(await text(page, 'task-run-failure'), 'Видеосервис не вернул результат.');
    await chat.expect(
      '❌ Запуск «Шторм» (Kling) не удался: видеосервис не вернул результат. Токены не списаны.',
      20_000,
    );
    const account = await stack.db.ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId: BigInt(id), asset: 'TOKEN' } },
    });
    assert.deepEqual([account.balance, account.held], [40_000n, 0n]);

    // With part of the balance held by other work, a second try costs more than is available: the buy
    // page is one tap away.
    await reserve(stack.db, {
      key: `e2e-tasks-hold:${id}`,
      userId: BigInt(id),
      asset: 'TOKEN',
      amount: 10_000n,
      reason: 'e2e',
      ttlMs: 3_600_000,
    });
    await page.getByTestId('task-regenerate').click();
    await page.getByTestId('task-not-enough').waitFor();
    assert.equal(await page.getByTestId('task-confirm-run').isDisabled(), true);
    await page.getByTestId('task-buy').click();
    await waitForTitle(page, 'Купить токены');
    await context.close();
  } finally {
    stack.predictions.control.setModel(KLING, { kind: 'video', delayMs: 1_000 });
  }
});
