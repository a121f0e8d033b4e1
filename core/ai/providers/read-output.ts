import { ProviderError } from './provider-error.ts';

/** Results are kept up to 100 MB (the file store's limit); a larger answer is refused, not buffered. */
export const MAX_OUTPUT_BYTES = 100 * 1024 * 1024;

/** The body of a provider's answer, counted as it arrives so that a huge one stops early. */
export async function readOutput(response: Response, maxBytes = MAX_OUTPUT_BYTES): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ProviderError('rejected', `output of ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new ProviderError('rejected', `output is over the ${maxBytes}-byte limit`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const SIGNATURES: { mimeType: string; test: (b: Buffer) => boolean }[] = [
  {
    mimeType: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  { mimeType: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mimeType: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    mimeType: 'audio/wav',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  { mimeType: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  {
    mimeType: 'audio/mpeg',
    test: (b) =>
      b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  {
    mimeType: 'image/svg+xml',
    test: (b) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(b.subarray(0, 256).toString('utf8')),
  },
];

/**
 * The type of a result: what the provider declared unless that says nothing (`application/octet-stream`,
 * missing), else what the bytes start with, else the caller's fallback.
 */
export function mimeTypeOf(bytes: Buffer, declared: string | null, fallback: string): string {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/octet-stream' && type !== 'binary/octet-stream') return type;
  return SIGNATURES.find((s) => s.test(bytes))?.mimeType ?? fallback;
}
