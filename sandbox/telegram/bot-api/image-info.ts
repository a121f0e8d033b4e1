/**
 * Reads the pixel size from an image header. Telegram refuses photos it
 * cannot decode (IMAGE_PROCESS_FAILED) and reports width/height of the
 * stored sizes, so the server needs both facts without an image library.
 * Supports PNG, JPEG, GIF, WebP and BMP.
 */
export interface ImageInfo {
  width: number;
  height: number;
  mimeType: string;
}

function png(bytes: Buffer): ImageInfo | undefined {
  if (
    bytes.length < 24 ||
    bytes.readUInt32BE(0) !== 0x89504e47 ||
    bytes.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), mimeType: 'image/png' };
}

function gif(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 10 || bytes.toString('ascii', 0, 4) !== 'GIF8') return undefined;
  return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8), mimeType: 'image/gif' };
}

function bmp(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 26 || bytes.toString('ascii', 0, 2) !== 'BM') return undefined;
  return {
    width: Math.abs(bytes.readInt32LE(18)),
    height: Math.abs(bytes.readInt32LE(22)),
    mimeType: 'image/bmp',
  };
}

function webp(bytes: Buffer): ImageInfo | undefined {
  if (
    bytes.length < 30 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WEBP'
  ) {
    return undefined;
  }
  const chunk = bytes.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') {
    return {
      width: bytes.readUInt16LE(26) & 0x3fff,
      height: bytes.readUInt16LE(28) & 0x3fff,
      mimeType: 'image/webp',
    };
  }
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, mimeType: 'image/webp' };
  }
  if (chunk === 'VP8X') {
    return {
      width: bytes.readUIntLE(24, 3) + 1,
      height: bytes.readUIntLE(27, 3) + 1,
      mimeType: 'image/webp',
    };
  }
  return undefined;
}

function jpeg(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        width: bytes.readUInt16BE(offset + 7),
        height: bytes.readUInt16BE(offset + 5),
        mimeType: 'image/jpeg',
      };
    }
    offset += 2 + length;
  }
  return undefined;
}

export function readImageInfo(bytes: Buffer): ImageInfo | undefined {
  return png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes) ?? bmp(bytes);
}
