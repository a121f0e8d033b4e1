// The output of a "vectorize" model: a real SVG document whose shapes follow a hash of the input,
// so equal inputs give equal files and the result opens in any browser or SVG library.
import { createHash } from 'node:crypto';

export function renderVectorImage(seed: string, width = 512, height = 512): string {
  const hash = createHash('sha256').update(seed).digest();
  const byte = (i: number) => hash[i % hash.length] ?? 0;
  const colour = (i: number) =>
    `#${[byte(i), byte(i + 1), byte(i + 2)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const shapes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const cx = Math.round((byte(i * 4) / 255) * width);
    const cy = Math.round((byte(i * 4 + 1) / 255) * height);
    const r = 20 + Math.round((byte(i * 4 + 2) / 255) * (Math.min(width, height) / 4));
    shapes.push(`  <circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour(i * 3 + 7)}" fill-opacity="0.8"/>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `  <rect width="${width}" height="${height}" fill="${colour(0)}"/>`,
    ...shapes,
    '</svg>',
    '',
  ].join('\n');
}
