/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256's). Node's crypto has only
 * SHA3, and the one use here (EIP-55 checksums of 40-character addresses) is too small to justify a
 * dependency. Lanes are 64-bit bigints: slow, but microseconds per address.
 */
const ROUND_CONSTANTS = [
  0x0000000000000001n,
  0x0000000000008082n,
  0x800000000000808an,
  0x8000000080008000n,
  0x000000000000808bn,
  0x0000000080000001n,
  0x8000000080008081n,
  0x8000000000008009n,
  0x000000000000008an,
  0x0000000000000088n,
  0x0000000080008009n,
  0x000000008000000an,
  0x000000008000808bn,
  0x800000000000008bn,
  0x8000000000008089n,
  0x8000000000008003n,
  0x8000000000008002n,
  0x8000000000000080n,
  0x000000000000800an,
  0x800000008000000an,
  0x8000000080008081n,
  0x8000000000008080n,
  0x0000000080000001n,
  0x8000000080008008n,
];
// The rho rotation of each lane in the order the pi step visits them, starting from lane 1.
const RHO = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
const PI = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];
const RATE_BYTES = 136;

// A BigUint64Array keeps every lane reduced mod 2^64 on assignment.
type TState = BigUint64Array;
const lane = (a: TState, i: number): bigint => a[i] ?? 0n;
const rotl = (x: bigint, n: number) => BigInt.asUintN(64, (x << BigInt(n)) | (x >> BigInt(64 - n)));

function permute(a: TState): void {
  const c = new BigUint64Array(5);
  for (const rc of ROUND_CONSTANTS) {
    for (let x = 0; x < 5; x++)
      c[x] = lane(a, x) ^ lane(a, x + 5) ^ lane(a, x + 10) ^ lane(a, x + 15) ^ lane(a, x + 20);
    for (let x = 0; x < 5; x++) {
      const d = lane(c, (x + 4) % 5) ^ rotl(lane(c, (x + 1) % 5), 1);
      for (let y = 0; y < 25; y += 5) a[y + x] = lane(a, y + x) ^ d;
    }
    let carried = lane(a, 1);
    PI.forEach((j, i) => {
      const next = lane(a, j);
      a[j] = rotl(carried, RHO[i] ?? 0);
      carried = next;
    });
    for (let y = 0; y < 25; y += 5) {
      const row = a.slice(y, y + 5);
      for (let x = 0; x < 5; x++)
        a[y + x] = lane(row, x) ^ (BigInt.asUintN(64, ~lane(row, (x + 1) % 5)) & lane(row, (x + 2) % 5));
    }
    a[0] = lane(a, 0) ^ rc;
  }
}

/**
 * The Keccak sponge with a 256-bit output. `suffix` is the domain byte: 0x01 for Keccak-256, 0x06 for
 * SHA3-256 (exported so a test can check this sponge against Node's SHA3-256).
 */
export function keccakSponge256(data: Uint8Array, suffix: number): Uint8Array {
  const padded = new Uint8Array(Math.floor(data.length / RATE_BYTES + 1) * RATE_BYTES);
  padded.set(data);
  padded[data.length] = suffix;
  padded[padded.length - 1] = (padded[padded.length - 1] ?? 0) | 0x80;
  const state = new BigUint64Array(25);
  const view = new DataView(padded.buffer);
  for (let offset = 0; offset < padded.length; offset += RATE_BYTES) {
    for (let i = 0; i < RATE_BYTES / 8; i++)
      state[i] = lane(state, i) ^ view.getBigUint64(offset + i * 8, true);
    permute(state);
  }
  const out = new DataView(new ArrayBuffer(32));
  for (let i = 0; i < 4; i++) out.setBigUint64(i * 8, lane(state, i), true);
  return new Uint8Array(out.buffer);
}

export const keccak256 = (data: Uint8Array): Uint8Array => keccakSponge256(data, 0x01);
