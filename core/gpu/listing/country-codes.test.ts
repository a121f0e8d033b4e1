import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COUNTRY_CODES, isCountryCode } from './country-codes.ts';

test('249 ISO codes plus Kosovo, each one a region ICU can name', () => {
  assert.equal(COUNTRY_CODES.size, 250);
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of COUNTRY_CODES) assert.notEqual(names.of(code), code, `${code} is not a known region`);
});

test('regions, withdrawn and lower-case codes are not countries', () => {
  for (const code of ['EU', 'UN', 'SU', 'YU', 'ZZ', 'XX', 'ru', 'RUS', ''])
    assert.equal(isCountryCode(code), false, code);
  for (const code of ['RU', 'US', 'DE', 'KZ', 'NL']) assert.equal(isCountryCode(code), true, code);
});
