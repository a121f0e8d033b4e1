import { decodeBase58Check } from './base58check.ts';

const TRON_MAINNET = 0x41;

/** A TRON (TRC-20) address: 34 base58 characters starting with T, a valid checksum, TRON's version byte. */
export function parseTronAddress(input: string): string | null {
  const text = input.trim();
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text)) return null;
  const payload = decodeBase58Check(text, 21);
  return payload?.[0] === TRON_MAINNET ? text : null;
}
