// The "generated" picture: a diagonal gradient between two colours taken from a hash of the seed
// text, so the same prompt always gives the same bytes and different prompts visibly differ.
import { createHash } from 'node:crypto';
import { encodePng } from './png-encoder.ts';

/** Real models top out around 4K; the cap keeps a typo from allocating gigabytes. */
export const MAX_IMAGE_SIDE = 4096;

export function renderPromptImage(seed: string, width: number, height: number): Buffer {
  return encodePng(width, height, promptPixels(seed, width, height));
}

/** The picture as raw RGB, 3 bytes a pixel row by row, for tools that paint it under or over a photo. */
export function promptPixels(seed: string, width: number, height: number): Buffer {
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new RangeError(`image size ${width}x${height} is outside 1..${MAX_IMAGE_SIDE}`);
  }
  const hash = createHash('sha256').update(seed).digest();
  const from = [hash[0] ?? 0, hash[1] ?? 0, hash[2] ?? 0];
  const to = [hash[3] ?? 255, hash[4] ?? 255, hash[5] ?? 255];
  const rgb = Buffer.alloc(width * height * 3);
  const span = Math.max(1, width + height - 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x + y) / span;
      const offset = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        rgb[offset + c] = Math.round((from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t);
      }
    }
  }
  return rgb;
}

/** OpenAI sizes are `WIDTHxHEIGHT`; undefined for anything else (`auto` included). */
export function parseImageSize(size: string): { width: number; height: number } | undefined {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  if (!match) return undefined;
  return { width: Number(match[1]), height: Number(match[2]) };
}
