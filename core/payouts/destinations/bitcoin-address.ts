import { decodeBase58Check } from './base58check.ts';
import { decodeSegwitAddress } from './bech32.ts';

const P2PKH = 0x00;
const P2SH = 0x05;

/**
 * A Bitcoin mainnet address: legacy 1… (P2PKH) or 3… (P2SH) with a valid Base58Check checksum, or native
 * segwit bc1… with a valid bech32 (v0) or bech32m (v1) checksum. Only the versions in use are taken (v0, and
 * v1 with a 32-byte taproot key): coins sent to a later version are not spendable by anyone's wallet
 * today. Segwit addresses come back in lower case.
 */
export function parseBitcoinAddress(input: string): string | null {
  const text = input.trim();
  if (/^[13]/.test(text)) {
    if (text.length < 26 || text.length > 35) return null;
    const version = decodeBase58Check(text, 21)?.[0];
    return (text[0] === '1' && version === P2PKH) || (text[0] === '3' && version === P2SH) ? text : null;
  }
  const segwit = decodeSegwitAddress('bc', text);
  if (!segwit) return null;
  const supported = segwit.version === 0 || (segwit.version === 1 && segwit.program.length === 32);
  return supported ? text.toLowerCase() : null;
}
