import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTronAddress } from './tron-address.ts';

test('real TRON addresses (the USDT and USDC contracts, a foundation wallet) are taken', () => {
  for (const address of [
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    'TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8',
    'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
  ]) {
    assert.equal(parseTronAddress(` ${address} `), address);
  }
});

test('a typo, a Bitcoin address or a wrong length is refused by the checksum or the format', () => {
  for (const bad of [
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T', // last letter's case changed: checksum fails
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj7t', // one character changed
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6', // 33 characters
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', // valid Base58Check, but Bitcoin
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj0t', // 0 is not in the base58 alphabet
    '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  ]) {
    assert.equal(parseTronAddress(bad), null, bad);
  }
});
