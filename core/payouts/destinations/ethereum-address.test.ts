import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEthereumAddress } from './ethereum-address.ts';

// The EIP-55 specification's own examples.
const EIP55 = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

test('checksummed addresses pass; all lower or all upper case are taken and spelled with their checksum', () => {
  for (const address of EIP55) {
    assert.equal(parseEthereumAddress(address), address);
    assert.equal(parseEthereumAddress(address.toLowerCase()), address);
    assert.equal(parseEthereumAddress(`0x${address.slice(2).toUpperCase()}`), address);
  }
  // The USDT contract, as Etherscan spells it.
  const usdt = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
  assert.equal(parseEthereumAddress(` ${usdt} `), usdt);
});

test('mixed case that is not the checksum, a wrong length or a non-hex digit is refused', () => {
  for (const bad of [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', // last letter's case flipped
    '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', // second letter's case flipped
    '0xdAC17F958D2ee523a2206206994597C13D831ec', // 39 digits
    '0xdAC17F958D2ee523a2206206994597C13D831ec7a', // 41 digits
    'dAC17F958D2ee523a2206206994597C13D831ec7', // no 0x
    '0xgAC17F958D2ee523a2206206994597C13D831ec7',
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  ]) {
    assert.equal(parseEthereumAddress(bad), null, bad);
  }
});
