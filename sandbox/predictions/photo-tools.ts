// What the raster photo tools make of their input: Real-ESRGAN's upscale as a plain Lanczos resize,
// background removal as the border-colour cut of subject-mask.ts (a PNG with alpha, as
// 851-labs/background-remover gives), and a replaced background as that cut laid over a picture
// painted from the background prompt (bria/generate-background keeps the subject and paints the rest).
import sharp from 'sharp';
import { MAX_IMAGE_SIDE, promptPixels } from '#sandbox/openai/prompt-image.ts';
import type { TRawImage } from './input-image.ts';
import { subjectMask } from './subject-mask.ts';

/** The output side Real-ESRGAN is held to: past it, the factor shrinks so the picture still fits. */
export const MAX_UPSCALED_SIDE = MAX_IMAGE_SIDE;

export async function upscaleImage(image: TRawImage, scale: number): Promise<Buffer> {
  const factor = Math.min(scale, MAX_UPSCALED_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize(width, height, { kernel: 'lanczos3', fit: 'fill' })
    .png()
    .toBuffer();
}

export async function removeBackground(image: TRawImage): Promise<Buffer> {
  const mask = subjectMask(image);
  const pixels = Buffer.from(image.pixels);
  for (let i = 0; i < mask.length; i++) pixels[i * 4 + 3] = mask[i] ?? 0;
  return sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
}

export async function replaceBackground(image: TRawImage, backgroundPrompt: string): Promise<Buffer> {
  const mask = subjectMask(image);
  const backdrop = await paintBackdrop(backgroundPrompt, image.width, image.height);
  const out = Buffer.alloc(image.width * image.height * 3);
  for (let i = 0; i < mask.length; i++) {
    const alpha = (mask[i] ?? 0) / 255;
    for (let c = 0; c < 3; c++) {
      out[i * 3 + c] = Math.round(
        (image.pixels[i * 4 + c] ?? 0) * alpha + (backdrop[i * 3 + c] ?? 0) * (1 - alpha),
      );
    }
  }
  return sharp(out, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png()
    .toBuffer();
}

async function paintBackdrop(prompt: string, width: number, height: number): Promise<Buffer> {
  const seed = `background\n${prompt}`;
  if (width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE) return promptPixels(seed, width, height);
  // promptPixels stops at the size cap; a bigger photo gets the same picture stretched.
  const small = { width: Math.min(width, MAX_IMAGE_SIDE), height: Math.min(height, MAX_IMAGE_SIDE) };
  return sharp(promptPixels(seed, small.width, small.height), { raw: { ...small, channels: 3 } })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
}
