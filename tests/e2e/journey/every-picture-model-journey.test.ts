import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import type { EmulatorPage } from './emulator-page.ts';
import {
  assertWalked,
  attach,
  escapeRegExp,
  modelButton,
  newMedia,
  played,
  startModelWalk,
  succeeded,
  type TModelWalk,
  WALKS,
} from './model-walk.ts';

// The image and photo-tool models of the catalog, each asked once from the chat emulator
// (model-walk.ts says why).

let walk: TModelWalk;
let emu: EmulatorPage;
before(async () => {
  walk = await startModelWalk('journey-picture-models');
  emu = walk.emu;
});
after(() => walk?.stop());

test('every image model draws a picture that loads', async () => {
  for (const model of MODEL_CATALOG.filter((m) => m.kind === 'image')) {
    await emu.send(`/image a lighthouse in a storm for ${model.id}`);
    await emu.expectBot('Choose a model for');
    const selector = await newMedia(emu, 'media-photo', () => emu.press(modelButton(model)));
    const { width } = await played(emu, selector);
    assert.ok(width > 1, `${model.id}: the picture loads (${width} px wide)`);
    await succeeded(walk, model.id);
  }
  await saveScreenshot(emu.page, 'journey-every-image-model');
});

test('every photo tool works on the photo sent, and the vectorizer answers an SVG', async () => {
  const photo = join(walk.files, 'portrait.png');
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
    await attach(emu, 'photo', photo);
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
      const selector = await newMedia(emu, 'media-document', run);
      const name: unknown = await emu.page.evaluate(`${selector}.textContent`);
      assert.match(String(name), /\.svg/, 'the vector comes as an SVG file');
    } else {
      const selector = await newMedia(emu, 'media-photo', run);
      const { width } = await played(emu, selector);
      assert.ok(width > 1, `${tool.id}: the picture loads (${width} px wide)`);
    }
    await succeeded(walk, tool.id);
  }
  await saveScreenshot(emu.page, 'journey-every-tool');
});

test('the walk asked every image and tool model, and nothing failed in the page', () => {
  assertWalked(walk, WALKS.pictures);
});
