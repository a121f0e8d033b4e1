// The output of a "vectorize" model: an SVG traced from the input picture. The picture is shrunk to
// a coarse grid (about 48 cells across), its colours reduced to a small palette by k-means, and each
// palette colour becomes one path made of the grid's same-colour runs, row by row. Crude next to
// recraft-vectorize's curves, but a real SVG that opens anywhere and looks like the photo.
import sharp from 'sharp';
import type { TRawImage } from './input-image.ts';

const GRID_WIDTH = 48;
const GRID_MAX_HEIGHT = 96;
const PALETTE_SIZE = 8;
const ROUNDS = 10;

type TRgb = [number, number, number];

export async function traceVectorImage(image: TRawImage): Promise<string> {
  const grid = gridSize(image.width, image.height);
  const cells = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .flatten({ background: '#ffffff' })
    .resize(grid.width, grid.height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
  const colours: TRgb[] = [];
  for (let i = 0; i < grid.width * grid.height; i++) {
    colours.push([cells[i * 3] ?? 0, cells[i * 3 + 1] ?? 0, cells[i * 3 + 2] ?? 0]);
  }
  const palette = kMeans(colours, PALETTE_SIZE);
  const labels = colours.map((c) => nearest(palette, c));
  const counts = palette.map((_, p) => labels.filter((l) => l === p).length);
  const order = palette.map((_, p) => p).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  const [ground, ...rest] = order;
  const paths = rest
    .filter((p) => (counts[p] ?? 0) > 0)
    .map((p) => `  <path fill="${hex(palette[p])}" d="${runsPath(labels, grid.width, p)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}" viewBox="0 0 ${grid.width} ${grid.height}" preserveAspectRatio="none" shape-rendering="crispEdges">`,
    `  <rect width="${grid.width}" height="${grid.height}" fill="${hex(palette[ground ?? 0])}"/>`,
    ...paths,
    '</svg>',
    '',
  ].join('\n');
}

function gridSize(width: number, height: number): { width: number; height: number } {
  let w = Math.min(GRID_WIDTH, width);
  let h = Math.max(1, Math.round((height * w) / width));
  if (h > GRID_MAX_HEIGHT) {
    h = GRID_MAX_HEIGHT;
    w = Math.max(1, Math.round((width * h) / height));
  }
  return { width: w, height: h };
}

/**
 * Seeds by farthest point (the first the darkest colour, each next the one farthest from all seeds so
 * far), so a small patch of a distinct colour gets its own entry and equal pictures equal palettes.
 */
function kMeans(colours: TRgb[], k: number): TRgb[] {
  const darkest = colours.reduce((a, b) => (luminance(b) < luminance(a) ? b : a));
  let centres: TRgb[] = [darkest];
  const gap = colours.map((c) => squaredDistance(c, darkest));
  while (centres.length < Math.min(k, colours.length)) {
    let far = 0;
    gap.forEach((g, i) => {
      if (g > (gap[far] ?? 0)) far = i;
    });
    const next = colours[far];
    if (!next || (gap[far] ?? 0) === 0) break;
    centres.push(next);
    colours.forEach((c, i) => {
      gap[i] = Math.min(gap[i] ?? 0, squaredDistance(c, next));
    });
  }
  for (let round = 0; round < ROUNDS; round++) {
    const sums = centres.map(() => ({ r: 0, g: 0, b: 0, n: 0 }));
    for (const colour of colours) {
      const sum = sums[nearest(centres, colour)];
      if (!sum) continue;
      sum.r += colour[0];
      sum.g += colour[1];
      sum.b += colour[2];
      sum.n++;
    }
    centres = centres.map((centre, j) => {
      const sum = sums[j];
      if (!sum || sum.n === 0) return centre;
      return [Math.round(sum.r / sum.n), Math.round(sum.g / sum.n), Math.round(sum.b / sum.n)];
    });
  }
  return centres;
}

function nearest(palette: TRgb[], colour: TRgb): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  palette.forEach((p, j) => {
    const d = squaredDistance(p, colour);
    if (d < bestDistance) {
      bestDistance = d;
      best = j;
    }
  });
  return best;
}

/** One closed rectangle per horizontal run of `label` in each grid row. */
function runsPath(labels: number[], width: number, label: number): string {
  const parts: string[] = [];
  const rows = labels.length / width;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; ) {
      if (labels[y * width + x] !== label) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && labels[y * width + x] === label) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

const squaredDistance = (a: TRgb, b: TRgb) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;

const luminance = (c: TRgb) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];

const hex = (c: TRgb | undefined) =>
  `#${(c ?? [0, 0, 0]).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
