import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import type { EmulatorPage } from './emulator-page.ts';
import {
  assertWalked,
  atPersonsPace,
  attach,
  escapeRegExp,
  finalReply,
  modelButton,
  newMedia,
  played,
  startModelWalk,
  succeeded,
  type TModelWalk,
  WALKS,
} from './model-walk.ts';

// The chat and audio models of the catalog, each asked once from the chat emulator (model-walk.ts says why).

let walk: TModelWalk;
let emu: EmulatorPage;
before(async () => {
  walk = await startModelWalk('journey-chat-models');
  emu = walk.emu;
});
after(() => walk?.stop());

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
    const replyId = await finalReply(emu, /^Echo \(/);
    const reply = await emu.textOf(replyId);
    assert.match(
      reply,
      new RegExp(`Hello, ${escapeRegExp(model.displayName)}`),
      `${model.id} answered the message`,
    );
    await succeeded(walk, model.id);
  }
});

test('Suno makes music that plays, after showing its price', async () => {
  const suno = MODEL_CATALOG.find((m) => m.id === 'suno');
  assert.ok(suno);
  await emu.send('/music a calm piano tune');
  await emu.expectBot(new RegExp(`${escapeRegExp(suno.displayName)} · 15,000`));
  // Nothing is charged before the person agrees to the price.
  assert.equal(
    await walk.world.stack.db.aiRequest.count({ where: { userId: BigInt(walk.userId), modelId: 'suno' } }),
    0,
  );
  const selector = await newMedia(emu, 'media-audio', () => emu.press(/15,000/));
  const { duration } = await played(emu, selector);
  assert.ok(duration > 1, `Suno's track plays for ${duration} s`);
  await succeeded(walk, 'suno');
});

test('Whisper hears a voice message and text to speech voices the reply', async () => {
  const voice = join(walk.files, 'question.wav');
  await writeFile(
    voice,
    encodeWav(
      sineTone({ frequency: 220, seconds: 1, sampleRate: 16_000 }),
      spokenTextMarker('What is a lighthouse?'),
    ),
  );
  await attach(emu, 'voice', voice);
  const replyId = await finalReply(emu, /^Echo \([^)]*\): What is a lighthouse\?/);
  await succeeded(walk, 'whisper');
  // Telegram plays OGG/Opus as a voice message; the stand-in's TTS answers MP3, sent as an audio file.
  const selector = await newMedia(emu, 'media-audio', () =>
    emu.message(replyId).getByTestId('inline-button').filter({ hasText: '🔊' }).click(),
  );
  const { duration } = await played(emu, selector);
  assert.ok(duration > 0, `the voiced reply plays for ${duration} s`);
  await succeeded(walk, 'tts');
});

test('the walk asked every text and audio model, and nothing failed in the page', () => {
  assertWalked(walk, WALKS.chat);
  // The two walks together cover every kind the catalog has.
  const walked = new Set(Object.values(WALKS).flat());
  assert.deepEqual(
    MODEL_CATALOG.filter((m) => !walked.has(m.kind)).map((m) => m.id),
    [],
  );
});
