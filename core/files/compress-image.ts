import sharp from 'sharp';
import { AppError } from '#core/errors/app-error.ts';
import { IMAGE_JPEG_QUALITY, IMAGE_MAX_MEGAPIXELS, IMAGE_MAX_SIDE } from './file-limits.ts';

export interface TCompressedImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The copy Polygram keeps of an image: at most IMAGE_MAX_SIDE on the long side, turned upright by its
 * EXIF orientation, transparency flattened onto white (JPEG has none), as a progressive JPEG so a slow
 * connection shows the whole picture early. sharp drops EXIF and other metadata on output, so the GPS
 * position of a phone photo is not kept either.
 */
export async function compressImage(input: Buffer | string, mimeType: string): Promise<TCompressedImage> {
  const limitInputPixels = IMAGE_MAX_MEGAPIXELS * 1_000_000;
  let width: number | undefined;
  let height: number | undefined;
  try {
    // No pixel limit on reading the header: the limit is checked below, with its own error.
    ({ width, height } = await sharp(input, { limitInputPixels: false }).metadata());
  } catch {
    throw new AppError('FILE_TYPE_MISMATCH', { mimeType });
  }
  // The header gives the size before anything is decoded, so a decompression bomb costs nothing.
  if (!width || !height) throw new AppError('FILE_TYPE_MISMATCH', { mimeType });
  if (width * height > limitInputPixels)
    throw new AppError('IMAGE_TOO_LARGE', { limitMegapixels: IMAGE_MAX_MEGAPIXELS });
  try {
    const { data, info } = await sharp(input, { limitInputPixels, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: IMAGE_JPEG_QUALITY, progressive: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    // A header that parses over a body that does not (a truncated or forged file).
    throw new AppError('FILE_TYPE_MISMATCH', { mimeType });
  }
}
