import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney } from './format-money.ts';

test("money is shown in the reader's conventions without float drift", () => {
  assert.equal(formatMoney(9_800n, 'RUB', 'ru'), '98 ₽');
  assert.equal(formatMoney(279_000n, 'RUB', 'ru').replace(/\s/g, ' '), '2 790 ₽');
  assert.equal(formatMoney(1_000n, 'USD', 'en'), '$10');
  assert.equal(formatMoney(1_999n, 'USD', 'en'), '$19.99');
  assert.equal(formatMoney(65n, 'XTR', 'en'), '65 ⭐');
  assert.equal(formatMoney(1_000_000n, 'TOKEN', 'en'), '1,000,000');
});
