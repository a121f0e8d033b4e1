import { keccak256 } from './keccak-256.ts';

/** The EIP-55 spelling of a 40-hex-digit address: a letter is upper case where its hash nibble is ≥ 8. */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = Buffer.from(keccak256(Buffer.from(lower, 'ascii'))).toString('hex');
  const spelled = [...lower].map((c, i) => (Number.parseInt(hash[i] ?? '0', 16) >= 8 ? c.toUpperCase() : c));
  return `0x${spelled.join('')}`;
}

/**
 * An Ethereum (ERC-20) address, returned in its EIP-55 spelling. All lower or all upper case carries no
 * checksum and is taken as written; mixed case is a checksum and must match, since a typo in it otherwise
 * sends the money to an address nobody holds.
 */
export function parseEthereumAddress(input: string): string | null {
  const match = /^0x([0-9a-fA-F]{40})$/.exec(input.trim());
  const digits = match?.[1];
  if (!digits) return null;
  const checksummed = toChecksumAddress(digits);
  const unchecked = digits === digits.toLowerCase() || digits === digits.toUpperCase();
  return unchecked || checksummed === `0x${digits}` ? checksummed : null;
}
