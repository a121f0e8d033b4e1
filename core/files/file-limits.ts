/** Uploads and generated results alike (the spec's limit); MiB, so "100 MB" is 104,857,600 bytes. */
export const FILE_MAX_MB = 100;
export const FILE_MAX_BYTES = FILE_MAX_MB * 1024 * 1024;

/** Files expire three days after they are saved unless the caller asks otherwise. */
export const FILE_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** Longest side of a stored image; larger ones are scaled down, never up. */
export const IMAGE_MAX_SIDE = 1920;
export const IMAGE_JPEG_QUALITY = 85;
/**
 * Decoding cost grows with pixels, not bytes: a 100 MB PNG can hold a 30,000 × 30,000 bitmap that needs
 * gigabytes to decode. 100 megapixels covers any camera photo.
 */
export const IMAGE_MAX_MEGAPIXELS = 100;
