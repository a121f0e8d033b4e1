import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCardNumber } from './card-number.ts';

test('card numbers of 16–19 digits with a valid Luhn digit, spaces and dashes dropped', () => {
  assert.equal(parseCardNumber('4111 1111 1111 1111'), '4111111111111111');
  assert.equal(parseCardNumber('5555-5555-5555-4444'), '5555555555554444');
  assert.equal(parseCardNumber(' 2200 7001 2345 6781 '), '2200700123456781');
  assert.equal(parseCardNumber('2200 0000 0000 0000 004'), '2200000000000000004');
});

test('a wrong digit, a wrong length or anything but digits is refused', () => {
  for (const bad of [
    '4111 1111 1111 1112', // one digit off: Luhn fails
    '2200 7001 2345 6789',
    '3782 822463 10005', // a valid 15-digit Amex: too short for the cards paid out to
    '4111 1111 1111 1111 1111', // 20 digits
    '4111 1111 1111 111O', // a letter O for a zero
    '',
  ]) {
    assert.equal(parseCardNumber(bad), null, bad);
  }
});
