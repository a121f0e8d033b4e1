import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { MODEL_CATALOG, type TCatalogModel } from '#core/ai/model-catalog.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import { uniqueUserId } from '#tests/e2e/ids.ts';
import { signUp } from '#tests/e2e/signup-helper.ts';
import type { EmulatorPage } from './emulator-page.ts';
import { type JourneyWorld, startJourneyWorld } from './journey-world.ts';

// Every model of the catalog asked once, from the chat emulator in Chromium, through the same stand-ins and
// routes `npm run sandbox` configures: each answer must be of the kind the model makes (text for chat models,
// a picture that loads, a video and music that play with a real duration, an SVG file), so a model that only
// looks like it works in the sandbox fails here. One premium subscriber asks them all, in catalog order.

const MEDIA_MS = 60_000;

let world: JourneyWorld;
let emu: EmulatorPage;
let files: string;
let userId: number;
const asked = new Set<string>();

const displayName = (id: string): string => {
  const model = MODEL_CATALOG.find((m) => m.id === id);
  assert.ok(model, `${id} is in the catalog`);
  return model.displayName;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A model's price button, "Kling · 38,000" ("✓ …" when chosen already): the name, whatever the price. */
const modelButton = (model: TCatalogModel) => new RegExp(`^(✓ )?${escapeRegExp(model.displayName)} · `);

before(async () => {
  world = await startJourneyWorld({ name: 'journey-models' });
  const { stack } = world;
  userId = uniqueUserId();
  await signUp(stack, { id: userId, firstName: 'Iris', username: 'iris_models', language: 'en' });
  // A premium plan (500 generations an hour) and tokens for every price in the catalog.
  await stack.db.entitlement.create({
    data: {
      userId: BigInt(userId),
      kind: 'ai_subscription',
      tier: 'premium',
      productId: 'every-model-journey',
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await stack.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `every-model-journey:${userId}`,
        userId: BigInt(userId),
        amount: 5_000_000n,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'e2e',
      }),
    LEDGER_TX_OPTIONS,
  );
  files = await mkdtemp(join(tmpdir(), 'every-model-'));
  emu = await world.openEmulator();
  await emu.switchUser(userId);
  await emu.openChat(stack.userBot.username, { history: true });
});

after(async () => {
  await world?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

type TMediaTestId = 'media-photo' | 'media-video' | 'media-audio' | 'media-voice' | 'media-document';

/**
 * Runs `action`, then waits for the chat to show one more media element of `testId` than before it; answers
 * a selector for that element. (Media messages carry no text to wait on: a voiced reply has no caption.)
 */
async function newMedia(testId: TMediaTestId, action: () => Promise<void>): Promise<string> {
  const before = await emu.page.getByTestId(testId).count();
  await action();
  await emu.page.getByTestId(testId).nth(before).waitFor({ timeout: MEDIA_MS });
  return `document.querySelectorAll('[data-testid="${testId}"]')[${before}]`;
}

/** Loads a media element in the page and reports what the browser made of it. */
async function played(selector: string): Promise<{ duration: number; width: number }> {
  const result: unknown = await emu.page.evaluate(`(async () => {
    const el = ${selector};
    if (el instanceof HTMLImageElement) {
      if (!el.complete) await new Promise((resolve) => { el.onload = resolve; el.onerror = resolve; });
      return { duration: 0, width: el.naturalWidth };
    }
    if (el.readyState < 1) {
      el.preload = 'metadata';
      el.load();
      await new Promise((resolve) => { el.onloadedmetadata = resolve; el.onerror = resolve; setTimeout(resolve, 15000); });
    }
    return { duration: Number.isFinite(el.duration) ? el.duration : 0, width: el.videoWidth ?? 0 };
  })()`);
  assert.ok(result && typeof result === 'object' && 'duration' in result && 'width' in result);
  return { duration: Number(result.duration), width: Number(result.width) };
}

/**
 * A pause before the next model, as a person reading the answer would take: the bot slows down a flood of
 * taps and messages (a "too fast" toast, nothing done), and this walk is several actions per model.
 */
const atPersonsPace = () => sleep(2_500);

/** A streamed chat reply once it is final: the 🔊 button comes with the last edit. */
async function finalReply(pattern: RegExp): Promise<string> {
  const replyId = await emu.expectBot(pattern);
  await emu
    .message(replyId)
    .getByTestId('inline-button')
    .filter({ hasText: '🔊' })
    .waitFor({ timeout: MEDIA_MS });
  return replyId;
}

async function attach(kind: 'photo' | 'voice', path: string): Promise<void> {
  await emu.mark();
  await emu.page.getByTestId('attach').click();
  const chooser = emu.page.waitForEvent('filechooser');
  await emu.page.getByTestId(`attach-${kind}`).click();
  await (await chooser).setFiles(path);
}

/** The model's request succeeded and was charged (the worker records it right after the delivery). */
async function succeeded(modelId: string): Promise<void> {
  const latest = () =>
    world.stack.db.aiRequest.findFirst({
      where: { userId: BigInt(userId), modelId },
      orderBy: { id: 'desc' },
    });
  const deadline = Date.now() + 10_000;
  let request = await latest();
  while (request && request.status !== 'succeeded' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    request = await latest();
  }
  assert.ok(request, `an AI request for ${modelId}`);
  assert.equal(
    request.status,
    'succeeded',
    `${modelId}: ${request.errorCode ?? ''} ${request.errorMessage ?? ''}`,
  );
  assert.ok(request.charged > 0n, `${modelId} was charged`);
  asked.add(modelId);
}

test('every text model answers in a dialog of its own, in its upstream name', async () => {
  for (const model of MODEL_CATALOG.filter((m) => m.kind === 'text')) {
    await atPersonsPace();
    await emu.send('/dialogs');
    await emu.expectBot('Your dialogs');
    await emu.press(/New dialog$/);
    await emu.expectBot('Model:');
    await emu.press(/Model$/);
    await emu.expectBot('Choose the model for');
    await emu.press(modelButton(model));
    await emu.expectBot(`Model: ${model.displayName}`);
    await emu.send(`Hello, ${model.displayName}`);
    const replyId = await finalReply(/^Echo \(/);
    const reply = await emu.textOf(replyId);
    assert.match(
      reply,
      new RegExp(`Hello, ${escapeRegExp(model.displayName)}`),
      `${model.id} answered the message`,
    );
    await succeeded(model.id);
  }
});

test('every image model draws a picture that loads', async () => {
  for (const model of MODEL_CATALOG.filter((m) => m.kind === 'image')) {
    await atPersonsPace();
    await emu.send(`/image a lighthouse in a storm for ${model.id}`);
    await emu.expectBot('Choose a model for');
    const selector = await newMedia('media-photo', () => emu.press(modelButton(model)));
    const { width } = await played(selector);
    assert.ok(width > 1, `${model.id}: the picture loads (${width} px wide)`);
    await succeeded(model.id);
  }
  await saveScreenshot(emu.page, 'journey-every-image-model');
});

test('every video model makes a video that plays, never a picture', async () => {
  for (const model of MODEL_CATALOG.filter((m) => m.kind === 'video')) {
    await atPersonsPace();
    await emu.send(`/video a paper boat in the rain for ${model.id}`);
    await emu.expectBot('Choose a model for');
    await emu.press(modelButton(model));
    await emu.expectBot(`${model.displayName}: choose`);
    const selector = await newMedia('media-video', () => emu.press(/^16:9 · /));
    const { duration, width } = await played(selector);
    assert.ok(duration > 0, `${model.id}: the video has a duration (${duration} s), not a black 0:00 player`);
    assert.ok(width > 0, `${model.id}: the video has frames (${width} px wide)`);
    await succeeded(model.id);
  }
  await saveScreenshot(emu.page, 'journey-every-video-model');
});

test('Suno makes music that plays, after showing its price', async () => {
  const suno = MODEL_CATALOG.find((m) => m.id === 'suno');
  assert.ok(suno);
  await emu.send('/music a calm piano tune');
  await emu.expectBot(new RegExp(`${escapeRegExp(displayName('suno'))} · 15,000`));
  // Nothing is charged before the person agrees to the price.
  assert.equal(
    await world.stack.db.aiRequest.count({ where: { userId: BigInt(userId), modelId: 'suno' } }),
    0,
  );
  const selector = await newMedia('media-audio', () => emu.press(/15,000/));
  const { duration } = await played(selector);
  assert.ok(duration > 1, `Suno's track plays for ${duration} s`);
  await succeeded('suno');
});

test('Whisper hears a voice message and text to speech voices the reply', async () => {
  const voice = join(files, 'question.wav');
  await writeFile(
    voice,
    encodeWav(
      sineTone({ frequency: 220, seconds: 1, sampleRate: 16_000 }),
      spokenTextMarker('What is a lighthouse?'),
    ),
  );
  await attach('voice', voice);
  const replyId = await finalReply(/^Echo \([^)]*\): What is a lighthouse\?/);
  await succeeded('whisper');
  // Telegram plays OGG/Opus as a voice message; the stand-in's TTS answers MP3, sent as an audio file.
  const selector = await newMedia('media-audio', () =>
    emu.message(replyId).getByTestId('inline-button').filter({ hasText: '🔊' }).click(),
  );
  const { duration } = await played(selector);
  assert.ok(duration > 0, `the voiced reply plays for ${duration} s`);
  await succeeded('tts');
});

test('every photo tool works on the photo sent, and the vectorizer answers an SVG', async () => {
  const photo = join(files, 'portrait.png');
  await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 240, g: 240, b: 240 } } })
    .composite([
      {
        input: await sharp({
          create: { width: 40, height: 40, channels: 3, background: { r: 200, g: 30, b: 30 } },
        })
          .png()
          .toBuffer(),
        left: 28,
        top: 12,
      },
    ])
    .png()
    .toFile(photo);
  for (const tool of MODEL_CATALOG.filter((m) => m.kind === 'tool')) {
    await atPersonsPace();
    await attach('photo', photo);
    await emu.expectBot('What should I do with this photo?');
    const choose = () => emu.press(new RegExp(`· ${escapeRegExp(tool.tokenPrice.toLocaleString('en-US'))}$`));
    const run =
      tool.id === 'replace-background'
        ? async () => {
            await choose();
            await emu.expectBot('Describe the new background');
            await emu.send('a sunny beach at sunset');
          }
        : choose;
    if (tool.output === 'svg') {
      const selector = await newMedia('media-document', run);
      const name: unknown = await emu.page.evaluate(`${selector}.textContent`);
      assert.match(String(name), /\.svg/, 'the vector comes as an SVG file');
    } else {
      const selector = await newMedia('media-photo', run);
      const { width } = await played(selector);
      assert.ok(width > 1, `${tool.id}: the picture loads (${width} px wide)`);
    }
    await succeeded(tool.id);
  }
  await saveScreenshot(emu.page, 'journey-every-tool');
});

test('the walk covered the whole catalog, and nothing failed in the page', () => {
  assert.deepEqual(
    MODEL_CATALOG.map((m) => m.id).filter((id) => !asked.has(id)),
    [],
    'every catalog model was asked once',
  );
  assert.deepEqual(emu.pageErrors, []);
});
