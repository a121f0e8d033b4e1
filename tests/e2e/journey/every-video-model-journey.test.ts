import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import type { EmulatorPage } from './emulator-page.ts';
import {
  assertWalked,
  modelButton,
  newMedia,
  played,
  startModelWalk,
  succeeded,
  type TModelWalk,
  WALKS,
} from './model-walk.ts';

// The video models of the catalog, each asked once from the chat emulator (model-walk.ts says why).

let walk: TModelWalk;
let emu: EmulatorPage;
before(async () => {
  walk = await startModelWalk('journey-video-models');
  emu = walk.emu;
});
after(() => walk?.stop());

test('every video model makes a video that plays, never a picture', async () => {
  for (const model of MODEL_CATALOG.filter((m) => m.kind === 'video')) {
    await emu.send(`/video a paper boat in the rain for ${model.id}`);
    await emu.expectBot('Choose a model for');
    await emu.press(modelButton(model));
    await emu.expectBot(`${model.displayName}: choose`);
    const selector = await newMedia(emu, 'media-video', () => emu.press(/^16:9 · /));
    const { duration, width } = await played(emu, selector);
    assert.ok(duration > 0, `${model.id}: the video has a duration (${duration} s), not a black 0:00 player`);
    assert.ok(width > 0, `${model.id}: the video has frames (${width} px wide)`);
    await succeeded(walk, model.id);
  }
  await saveScreenshot(emu.page, 'journey-every-video-model');
});

test('the walk asked every video model, and nothing failed in the page', () => {
  assertWalked(walk, WALKS.videos);
});
