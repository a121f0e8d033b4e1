import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { keccak256, keccakSponge256 } from './keccak-256.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('Keccak-256 of the published vectors (empty input, "abc")', () => {
  assert.equal(
    hex(keccak256(new Uint8Array())),
    'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
  );
  assert.equal(
    hex(keccak256(Buffer.from('abc'))),
    '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
  );
});

test('the sponge with the SHA3 suffix equals Node’s SHA3-256 at every length around the block size', () => {
  // Same permutation and sponge, only the domain byte differs: this checks both over many blocks.
  for (const length of [0, 1, 55, 135, 136, 137, 271, 272, 273, 1000]) {
    const data = randomBytes(length);
    assert.equal(
      hex(keccakSponge256(data, 0x06)),
      createHash('sha3-256').update(data).digest('hex'),
      `length ${length}`,
    );
  }
});
