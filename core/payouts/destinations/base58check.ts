import { createHash } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function decodeBase58(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const body: number[] = [];
  for (; value > 0n; value >>= 8n) body.unshift(Number(value & 0xffn));
  // Each leading '1' stands for one leading zero byte, which the number above cannot carry.
  const zeros = /^1*/.exec(text)?.[0].length ?? 0;
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...body]);
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * Base58Check (Bitcoin legacy and TRON addresses): the payload of `length` bytes, version byte first, when its
 * last four bytes are the first four of its double SHA-256; null when the text is not that.
 */
export function decodeBase58Check(text: string, length: number): Uint8Array | null {
  const bytes = decodeBase58(text);
  if (!bytes || bytes.length !== length + 4) return null;
  const payload = bytes.subarray(0, length);
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  return Buffer.from(bytes.subarray(length)).equals(checksum) ? payload : null;
}
