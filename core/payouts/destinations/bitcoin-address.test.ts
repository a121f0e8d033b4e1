import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBitcoinAddress } from './bitcoin-address.ts';

test('legacy P2PKH and P2SH addresses with a valid Base58Check checksum', () => {
  assert.equal(
    parseBitcoinAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'),
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
  );
  assert.equal(
    parseBitcoinAddress('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'),
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  );
});

test('native segwit: v0 in bech32 and taproot in bech32m (BIP-173/350 vectors), lower-cased', () => {
  assert.equal(
    parseBitcoinAddress('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'),
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  );
  const taproot = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
  assert.equal(parseBitcoinAddress(taproot), taproot);
  const p2wsh = 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3';
  assert.equal(parseBitcoinAddress(p2wsh), p2wsh);
});

test('bad checksums, wrong networks and kinds, mixed case and unused witness versions are refused', () => {
  for (const bad of [
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', // legacy, last character changed
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLY',
    'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', // testnet
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', // TRON
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', // testnet segwit
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', // v1 with a bech32 checksum
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', // v0 with a bech32m checksum
    'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', // 'o' in the checksum
    'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', // witness version 17
    'bc1pw5dgrnzv', // 1-byte program
    'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', // 16-byte v0 program
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', // padding over 4 bits
    'bc1gmk9yu', // no data
    'BC1SW50QGDZ25J', // v16: valid bech32m, but no wallet can spend it
    'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', // v2: likewise
    'Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', // mixed case
  ]) {
    assert.equal(parseBitcoinAddress(bad), null, bad);
  }
});
