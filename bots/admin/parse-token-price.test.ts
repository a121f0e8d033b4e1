import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTokenPrice } from './parse-token-price.ts';

test('whole token prices with or without thousands separators', () => {
  assert.equal(parseTokenPrice('1500'), 1500n);
  assert.equal(parseTokenPrice(' 41 500 '), 41_500n);
  assert.equal(parseTokenPrice('1,000,000'), 1_000_000n);
  assert.equal(parseTokenPrice('1_000'), 1_000n);
  assert.equal(parseTokenPrice('1\u00a0000'), 1_000n);
  assert.equal(parseTokenPrice('0'), 0n);
});

test('anything else is not a price', () => {
  for (const text of ['', '-5', '+5', '1.5', '12,34', '1 5000', 'abc', '1e6', '15 tokens', '9999999999999'])
    assert.equal(parseTokenPrice(text), null, text);
});
