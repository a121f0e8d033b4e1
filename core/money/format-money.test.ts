import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, formatTokens } from './format-money.ts';

// Intl separates groups in Russian with a no-break space; the tests read it as a plain one.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('roubles are kopecks: whole sums drop ".00", others keep two digits, Russian groups by spaces', () => {
  assert.equal(formatMoney(9_800n, 'RUB', 'ru'), '98 ₽');
  assert.equal(plain(formatMoney(279_000n, 'RUB', 'ru')), '2 790 ₽');
  assert.equal(plain(formatMoney(14_950n, 'RUB', 'ru')), '149,50 ₽');
  assert.equal(formatMoney(5n, 'RUB', 'en'), '0.05 ₽');
});

test('dollars are cents, stars and tokens are whole', () => {
  assert.equal(formatMoney(1_000n, 'USD', 'en'), '$10');
  assert.equal(formatMoney(1_999n, 'USD', 'en'), '$19.99');
  assert.equal(formatMoney(65n, 'XTR', 'en'), '65 ⭐');
  assert.equal(formatMoney(1_000_000n, 'TOKEN', 'en'), '1,000,000');
  assert.equal(plain(formatTokens(1_000_000n, 'ru')), '1 000 000');
  assert.equal(formatMoney(250n, 'USDT', 'en'), '2.50 USDT');
});

test('a negative amount has a minus before the currency sign; signed adds a plus to a positive one', () => {
  assert.equal(formatMoney(-1_050n, 'USD', 'en'), '−$10.50');
  assert.equal(formatMoney(-9_000n, 'TOKEN', 'en'), '−9,000');
  assert.equal(formatMoney(-100n, 'RUB', 'ru'), '−1 ₽');
  assert.equal(formatMoney(150_000n, 'TOKEN', 'en', { signed: true }), '+150,000');
  assert.equal(formatMoney(0n, 'TOKEN', 'en', { signed: true }), '0');
});

test('a sum past 2^53 minor units keeps every digit', () => {
  assert.equal(formatMoney(123_456_789_012_345_678_901n, 'RUB', 'en'), '1,234,567,890,123,456,789.01 ₽');
  assert.equal(formatMoney(2n ** 64n, 'TOKEN', 'en'), '18,446,744,073,709,551,616');
});

test('the API’s decimal strings format like bigints', () => {
  assert.equal(formatMoney('-1999', 'USD', 'en'), formatMoney(-1_999n, 'USD', 'en'));
  assert.equal(formatTokens('150000', 'en'), '150,000');
});
