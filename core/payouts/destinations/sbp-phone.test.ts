import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSbpBankName } from './sbp-bank-name.ts';
import { parseSbpPhone } from './sbp-phone.ts';

test('Russian mobile numbers however written become +7 and ten digits', () => {
  assert.equal(parseSbpPhone('+7 999 123-45-67'), '+79991234567');
  assert.equal(parseSbpPhone('8 (912) 345 67 89'), '+79123456789');
  assert.equal(parseSbpPhone('79001234567'), '+79001234567');
});

test('landlines, other countries and wrong lengths are refused', () => {
  for (const bad of [
    '+7 495 123-45-67',
    '+380 99 123 4567',
    '+7 999 123-45-6',
    '+7 999 123-45-678',
    'phone',
  ]) {
    assert.equal(parseSbpPhone(bad), null, bad);
  }
});

test('bank names: letters and digits in any script, tidied; empty or odd input refused', () => {
  assert.equal(parseSbpBankName('  Т-Банк '), 'Т-Банк');
  assert.equal(parseSbpBankName('Sber   Bank'), 'Sber Bank');
  assert.equal(parseSbpBankName('Альфа-Банк'), 'Альфа-Банк');
  for (const bad of ['', 'A', '<script>', 'x'.repeat(61)]) assert.equal(parseSbpBankName(bad), null, bad);
});
