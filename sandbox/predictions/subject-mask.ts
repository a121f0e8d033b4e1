// A crude but visible segmentation for the background tools, standing in for a neural matting
// model: the background is taken to be the colour along the picture's border, and it is flooded in
// from the border through every pixel close to that colour. Pixels of a similar colour inside the
// subject are not reached, so they stay. Good on product shots and portraits against a plain wall,
// which is what people try these tools on.
import type { TRawImage } from './input-image.ts';

const MIN_THRESHOLD = 40;
const MAX_THRESHOLD = 140;

/** 0..255 per pixel: how much of it belongs to the subject (255 all, 0 background). */
export function subjectMask(image: TRawImage): Uint8Array {
  const { pixels, width, height } = image;
  const count = width * height;
  const border = borderIndexes(width, height);
  const background = [0, 1, 2].map((c) => median(border.map((i) => pixels[i * 4 + c] ?? 0)));
  const distance = (i: number) =>
    Math.hypot(
      (pixels[i * 4] ?? 0) - (background[0] ?? 0),
      (pixels[i * 4 + 1] ?? 0) - (background[1] ?? 0),
      (pixels[i * 4 + 2] ?? 0) - (background[2] ?? 0),
    );
  // A noisy or shaded backdrop widens the band of colours that still count as background.
  const spread = percentile(
    border.map((i) => distance(i)),
    0.8,
  );
  const threshold = Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, spread * 1.5 + 16));

  const isBackground = new Uint8Array(count);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  const visit = (i: number) => {
    if (isBackground[i] === 0 && distance(i) < threshold) {
      isBackground[i] = 1;
      queue[tail++] = i;
    }
  };
  for (const i of border) visit(i);
  while (head < tail) {
    const i = queue[head++] ?? 0;
    const x = i % width;
    if (x > 0) visit(i - 1);
    if (x < width - 1) visit(i + 1);
    if (i >= width) visit(i - width);
    if (i < count - width) visit(i + width);
  }
  return softened(isBackground, image);
}

/** A 3×3 average of the hard mask feathers the cut by a pixel; the input's own transparency is kept. */
function softened(isBackground: Uint8Array, image: TRawImage): Uint8Array {
  const { pixels, width, height } = image;
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let subject = 0;
      let seen = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          seen++;
          if (isBackground[ny * width + nx] === 0) subject++;
        }
      }
      const i = y * width + x;
      const own = isBackground[i] === 0 ? Math.round((255 * subject) / seen) : 0;
      mask[i] = Math.min(own, pixels[i * 4 + 3] ?? 255);
    }
  }
  return mask;
}

function borderIndexes(width: number, height: number): number[] {
  const indexes = new Set<number>();
  for (let x = 0; x < width; x++) {
    indexes.add(x);
    indexes.add((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    indexes.add(y * width);
    indexes.add(y * width + width - 1);
  }
  return [...indexes];
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}
