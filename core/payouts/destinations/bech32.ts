// BIP-173 (bech32) and BIP-350 (bech32m) decoding of native segwit addresses.
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    GENERATORS.forEach((g, i) => {
      if ((top >>> i) & 1) chk ^= g;
    });
  }
  return chk >>> 0;
}

const expandHrp = (hrp: string) => [
  ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];

/** 5-bit groups to bytes; null when the padding is longer than 4 bits or not zero. */
function fromWords(words: number[]): Uint8Array | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const word of words) {
    acc = ((acc << 5) | word) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc << (8 - bits)) & 0xff) return null;
  return Uint8Array.from(out);
}

export interface TWitnessProgram {
  version: number;
  program: Uint8Array;
}

/**
 * A segwit address of the network `hrp` ("bc" for Bitcoin mainnet): its witness version and program, or null
 * when anything is off (mixed case, a character outside the charset, a checksum of the wrong kind: version 0
 * uses bech32, later versions bech32m, a program length BIP-141 does not allow).
 */
export function decodeSegwitAddress(hrp: string, address: string): TWitnessProgram | null {
  if (address.length > 90 || (address !== address.toLowerCase() && address !== address.toUpperCase()))
    return null;
  const text = address.toLowerCase();
  const separator = text.lastIndexOf('1');
  if (separator < 1 || text.slice(0, separator) !== hrp || text.length - separator - 1 < 7) return null;
  const data = [...text.slice(separator + 1)].map((c) => CHARSET.indexOf(c));
  if (data.some((d) => d < 0)) return null;
  const checksum = polymod([...expandHrp(hrp), ...data]);
  const version = data[0] ?? -1;
  if (version > 16 || checksum !== (version === 0 ? BECH32_CONST : BECH32M_CONST)) return null;
  const program = fromWords(data.slice(1, -6));
  if (!program || program.length < 2 || program.length > 40) return null;
  if (version === 0 && program.length !== 20 && program.length !== 32) return null;
  return { version, program };
}
