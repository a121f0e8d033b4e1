import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import sharp from 'sharp';

const imagesDir = fileURLToPath(new URL('../../../docs/images/', import.meta.url));

/** README images are committed: small enough to keep the clone light. */
const MAX_BYTES = 400 * 1024;

/**
 * Writes `docs/images/<name>.png` for README, only when WRITE_README_SCREENSHOTS=1 (so an ordinary run, and
 * CI, never rewrites committed files). The page's viewport, as a person sees it. The PNG is re-encoded at
 * the highest compression, and with a palette when that is still too big (UI colours survive it).
 */
export async function writeReadmeScreenshot(page: Page, name: string): Promise<string | undefined> {
  if (process.env.WRITE_README_SCREENSHOTS !== '1') return undefined;
  // The pointer rests where the last click left it; hover effects (a message's reply arrow) are noise.
  await page.mouse.move(0, 0);
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  let png = await sharp(shot).png({ compressionLevel: 9, effort: 10 }).toBuffer();
  if (png.length > MAX_BYTES)
    png = await sharp(shot).png({ palette: true, quality: 90, effort: 10 }).toBuffer();
  assert.ok(png.length <= MAX_BYTES, `${name}.png is ${png.length} bytes, more than ${MAX_BYTES}`);
  await mkdir(imagesDir, { recursive: true });
  const path = `${imagesDir}${name}.png`;
  await writeFile(path, png);
  return path;
}
