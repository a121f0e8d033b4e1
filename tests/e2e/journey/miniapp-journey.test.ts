import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CDPSession } from 'playwright-core';
import { z } from 'zod';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import { sampleBytes } from '#tests/support/studio-fixtures.ts';
import { BOT_REPLY_MS, type EmulatorPage } from './emulator-page.ts';
import { type JourneyWorld, startJourneyWorld } from './journey-world.ts';
import { MiniAppPanel } from './mini-app-panel.ts';
import { writeReadmeScreenshot } from './readme-screenshot.ts';

// The Mini App as a person uses it inside the chat emulator's panel: buy tokens with Stars through the
// client's payment sheet, make a video task (upload with progress, run for its price, watch it finish,
// download, regenerate), then read the wallet's history. The tests run in order and share one person.

const KLING = 'kwaivgi/kling-v2.1';
const PERSON = { firstName: 'Vera', username: 'vera_journey' };
const TASK_TITLE = 'Beach teaser';

let world: JourneyWorld;
let emu: EmulatorPage;
let app: MiniAppPanel | undefined;
let personId: number | undefined;
let dir: string;

before(async () => {
  world = await startJourneyWorld({ name: 'journey-miniapp' });
  emu = await world.openEmulator();
  dir = await mkdtemp(join(tmpdir(), 'journey-miniapp-'));
});
after(async () => {
  await world?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const opened = (): { id: number; app: MiniAppPanel } => {
  assert.ok(personId && app, 'story 5 opens the Mini App first: the wallet story reads what it did');
  return { id: personId, app };
};

const enTokens = (amount: bigint) => new Intl.NumberFormat('en-US').format(amount);

/** Throttles the page's uploads (the Mini App frame shares the emulator's renderer), or lifts the limit. */
const throttleUploads = (cdp: CDPSession, bytesPerSecond: number) =>
  cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });

test('5 · in the Mini App panel: buys tokens, creates a video task, uploads with progress, runs, downloads, regenerates', async () => {
  const { stack } = world;
  const { page } = emu;
  personId = await emu.createUser({ firstName: PERSON.firstName, username: PERSON.username, language: 'en' });
  const id = personId;
  await emu.openChat(stack.userBot.username);
  await emu.send('/start');
  await emu.expectBot('Choose your language');
  await emu.press('English');
  await emu.expectBot('terms of service');
  await emu.press('I accept');
  await emu.expectBot('Add an email address');
  await emu.press('Skip');
  await emu.expectBot('Main menu');

  app = await MiniAppPanel.openFromMenu(page);
  await app.waitForTitle('Hi, Vera!');

  // Tokens first: a pack paid with Stars in the client's own payment sheet (openInvoice).
  await app.byTestId('nav-buy').click();
  await app.waitForTitle('Buy tokens');
  await app.byTestId('buy-category-ai-packs').click();
  await app.byTestId('buy-product-pack-150k').click();
  await emu.mark();
  await app.byTestId('buy-method-stars').click();
  const sheet = page.getByTestId('miniapp-panel').getByTestId('payment-sheet');
  await sheet.filter({ hasText: '150,000 tokens' }).waitFor({ timeout: BOT_REPLY_MS });
  assert.match((await sheet.textContent()) ?? '', /from Polygram.*100/s);
  await sheet.getByTestId('payment-confirm').click();
  await app.byTestId('buy-success').waitFor({ timeout: BOT_REPLY_MS });
  assert.equal(await app.text('buy-success-tokens'), 'Token balance: 150,000');
  await emu.expectBot('Payment received: 150,000 tokens · forever');
  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.deepEqual([payment.provider, payment.status, payment.amount], ['stars', 'succeeded', 100n]);

  await app.byTestId('buy-open-wallet').click();
  await app.waitForTitle('Wallet');
  assert.equal(await app.text('wallet-tokens-available'), '150,000');
  await app.back();
  await app.waitForTitle('Buy tokens');
  await app.back();
  await app.waitForTitle('Hi, Vera!');

  // A new task: Kling with its price, ten seconds, vertical.
  stack.predictions.control.setModel(KLING, { kind: 'video', delayMs: 3_000 });
  await app.byTestId('nav-tasks').click();
  await app.waitForTitle('Video tasks');
  await app.byTestId('tasks-empty').waitFor();
  await app.byTestId('tasks-new').click();
  await app.waitForTitle('New task');
  assert.equal(await app.text('task-model-kling'), 'Kling38,000 tokens');
  await app.byTestId('task-title-input').fill(TASK_TITLE);
  await app.byTestId('task-model-kling').click();
  await app.byTestId('task-prompt-input').fill('Waves roll onto a beach at sunset, slow camera pan');
  await app.byTestId('task-seconds-10').click();
  await app.byTestId('task-aspect-9:16').click();
  await app.byTestId('task-create').click();
  await app.waitForTitle(TASK_TITLE);
  assert.equal(await app.text('task-status'), 'Draft');
  const task = await stack.db.videoTask.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.deepEqual([task.modelId, task.params], ['kling', { seconds: 10, aspect: '9:16' }]);

  // A 4 MB video over a 2 MB/s link: the bar moves through real progress to 100 %.
  const videoPath = join(dir, 'beach.mp4');
  const video = Buffer.concat([
    sampleBytes.video(),
    Buffer.alloc(4 * 1024 * 1024 - sampleBytes.video().length),
  ]);
  await writeFile(videoPath, video);
  const cdp = await page.context().newCDPSession(page);
  await throttleUploads(cdp, 2 * 1024 * 1024);
  const uploadValues = await app.watchUploadBar('video');
  await app.byTestId('task-material-input-video').setInputFiles(videoPath);
  await app.frame
    .locator('[data-testid="task-upload-video"][data-value="100"]')
    .waitFor({ timeout: BOT_REPLY_MS });
  await app.byTestId('task-upload-video').filter({ hasText: 'Uploaded' }).waitFor({ timeout: BOT_REPLY_MS });
  await throttleUploads(cdp, -1);
  const values = await uploadValues();
  assert.equal(values.at(-1), 100);
  assert.ok(
    values.some((v) => v > 0 && v < 100),
    `the bar showed progress on the way: ${values.join(', ')}`,
  );
  await app.byTestId('task-material-video').and(app.frame.locator('[data-filled="yes"]')).waitFor();
  assert.match(await app.text('task-material-name'), /^beach\.mp4 · 4 MB$/);
  await saveScreenshot(page, 'journey-task-uploaded');
  const [upload] = await stack.db.storedFile.findMany({ where: { userId: BigInt(id) } });
  assert.deepEqual([upload?.kind, Number(upload?.size)], ['video', video.length]);

  // Run: the cost and the balance first, then the confirmation.
  await app.byTestId('task-run').click();
  await app.byTestId('task-confirm').waitFor();
  assert.equal(await app.text('task-cost'), '38,000 tokens');
  assert.equal(await app.text('task-balance'), '150,000 tokens');
  await saveScreenshot(page, 'journey-task-confirm');
  await emu.mark();
  await app.byTestId('task-confirm-run').click();
  await app.frame
    .locator('[data-testid="task-status"][data-status="running"]')
    .waitFor({ timeout: BOT_REPLY_MS });
  await app.frame
    .locator('[data-testid="task-status"][data-status="succeeded"]')
    .waitFor({ timeout: 45_000 });
  assert.equal(await app.text('task-status'), 'Done');
  assert.equal(await app.text('task-run-status'), 'Done · 38,000 tokens charged');
  // The bot tells the chat behind the panel too.
  await emu.expectBot(`✅ Your video “${TASK_TITLE}” is ready (Kling). Charged: 38,000 tokens.`);
  await saveScreenshot(page, 'journey-task-done');

  // Download: the app asks the client to save the file (Mini Apps 8.0 downloadFile) and the emulator saves it
  // as the browser's download, as Telegram does after its prompt.
  const bridgeCalls = await app.recordBridgeCalls();
  const download = page.waitForEvent('download', { timeout: BOT_REPLY_MS });
  await app.byTestId('task-result-download').first().click();
  const asked = await bridgeCalls.waitFor('web_app_request_file_download', BOT_REPLY_MS);
  const request = z.object({ url: z.string().url(), file_name: z.string() }).parse(asked.eventData);
  assert.match(request.file_name, /^kling-\d+\.mp4$/);
  const saved = await download;
  const savedPath = await saved.path();
  assert.deepEqual(await readFile(savedPath), sampleBytes.video(), 'the provider’s video, saved');

  // Regenerate: same materials, no upload, the new price confirmed against the new balance.
  await app.byTestId('task-regenerate').click();
  await app.byTestId('task-confirm').waitFor();
  assert.equal(await app.text('task-balance'), '112,000 tokens');
  await emu.mark();
  await app.byTestId('task-confirm-run').click();
  await app
    .byTestId('task-run-status')
    .filter({ hasText: 'Done · 38,000 tokens charged' })
    .nth(1)
    .waitFor({ timeout: 45_000 });
  assert.equal(await app.byTestId('task-run-item').count(), 2);
  await emu.expectBot(`✅ Your video “${TASK_TITLE}” is ready (Kling). Charged: 38,000 tokens.`);
  const runs = await stack.db.aiRequest.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
  assert.deepEqual(
    runs.map((r) => [r.status, r.charged, (r.params as { inputFileIds: string[] }).inputFileIds]),
    [
      ['succeeded', 38_000n, [upload?.id]],
      ['succeeded', 38_000n, [upload?.id]],
    ],
  );
  await saveScreenshot(page, 'journey-task-regenerated');
});

test('6 · the wallet history in the Mini App shows every movement with old → new balances from the ledger', async () => {
  const { id, app: panel } = opened();
  const { stack } = world;
  await panel.back();
  await panel.waitForTitle('Video tasks');
  assert.equal(await panel.text('task-row-status'), 'Done');
  await panel.back();
  await panel.waitForTitle('Hi, Vera!');
  await panel.byTestId('nav-wallet').click();
  await panel.waitForTitle('Wallet');

  const entries = await stack.db.ledgerEntry.findMany({
    where: { account: { userId: BigInt(id) } },
    orderBy: { id: 'desc' },
    include: { transaction: { select: { type: true } } },
  });
  assert.deepEqual(
    entries.map((e) => [e.transaction.type, e.amount]),
    [
      ['spend', -38_000n],
      ['spend', -38_000n],
      ['topup', 150_000n],
    ],
  );
  const rows = panel.byTestId('history-row');
  await rows.nth(entries.length - 1).waitFor({ timeout: BOT_REPLY_MS });
  assert.equal(await rows.count(), entries.length);
  assert.equal(await panel.text('wallet-tokens-available'), '74,000');
  const label = { spend: 'Spent', topup: 'Purchase' } as const;
  for (const [i, entry] of entries.entries()) {
    const row = rows.nth(i);
    assert.equal(
      await row.getAttribute('data-entry-id'),
      entry.id.toString(),
      `row ${i} is ledger entry ${entry.id}`,
    );
    const type = entry.transaction.type;
    assert.ok(type === 'spend' || type === 'topup');
    assert.equal(await row.getByTestId('history-row-type').textContent(), label[type]);
    assert.equal(
      await row.getByTestId('history-row-amount').textContent(),
      `${entry.amount > 0n ? '+' : '−'}${enTokens(entry.amount < 0n ? -entry.amount : entry.amount)}`,
    );
    assert.equal(
      await row.getByTestId('history-row-balance').textContent(),
      `${enTokens(entry.balanceBefore ?? -1n)} → ${enTokens(entry.balanceAfter ?? -1n)}`,
    );
  }
  await saveScreenshot(emu.page, 'journey-wallet-history');
  await writeReadmeScreenshot(emu.page, 'miniapp');
  assert.deepEqual(emu.pageErrors, [], 'no uncaught errors in the page or the Mini App');
});
