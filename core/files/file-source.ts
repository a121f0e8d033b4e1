import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { HEAD_BYTES } from './file-types.ts';

/**
 * File bytes as a caller has them: in memory (a generated image), or in a file on local disk (an upload
 * spooled by the HTTP route, a downloaded video) so that 100 MB never has to sit in memory.
 */
export type TFileData = Buffer | { path: string };

export async function sizeOf(data: TFileData): Promise<number> {
  return Buffer.isBuffer(data) ? data.length : (await stat(data.path)).size;
}

export async function headOf(data: TFileData): Promise<Buffer> {
  if (Buffer.isBuffer(data)) return data.subarray(0, HEAD_BYTES);
  const handle = await open(data.path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function sha256Of(data: TFileData): Promise<string> {
  const hash = createHash('sha256');
  if (Buffer.isBuffer(data)) return hash.update(data).digest('hex');
  for await (const chunk of createReadStream(data.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
