import { randomBytes } from 'node:crypto';

// Crockford-like alphabet without look-alikes (0/O, 1/I/L): codes are read aloud and typed by people.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

export function newReferralCode(length = 8): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
  return code;
}

export const isReferralCode = (value: string): boolean => /^[a-z0-9_-]{4,32}$/.test(value);
