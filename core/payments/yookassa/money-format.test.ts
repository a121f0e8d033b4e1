import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatMinorUnits, parseMinorUnits } from './money-format.ts';

describe('formatMinorUnits', () => {
  test('pads kopecks to two digits', () => {
    assert.equal(formatMinorUnits(14900n), '149.00');
    assert.equal(formatMinorUnits(14905n), '149.05');
    assert.equal(formatMinorUnits(5n), '0.05');
    assert.equal(formatMinorUnits(0n), '0.00');
    assert.equal(formatMinorUnits(100n), '1.00');
  });

  test('keeps precision far beyond Number.MAX_SAFE_INTEGER', () => {
    assert.equal(formatMinorUnits(123456789012345678901n), '1234567890123456789.01');
  });

  test('negative amounts and other fraction widths', () => {
    assert.equal(formatMinorUnits(-1n), '-0.01');
    assert.equal(formatMinorUnits(42n, 0), '42');
    assert.equal(formatMinorUnits(1n, 6), '0.000001');
    assert.throws(() => formatMinorUnits(1n, -1), RangeError);
  });
});

describe('parseMinorUnits', () => {
  test('exact conversion of the values floats get wrong', () => {
    assert.equal(parseMinorUnits('149.00'), 14900n);
    assert.equal(parseMinorUnits('0.29'), 29n); // 0.29 * 100 === 28.999999999999996 in floats
    assert.equal(parseMinorUnits('1.10'), 110n);
    assert.equal(parseMinorUnits('19.99'), 1999n);
  });

  test('fewer fraction digits are padded, extra zeros are accepted', () => {
    assert.equal(parseMinorUnits('149'), 14900n);
    assert.equal(parseMinorUnits('149.5'), 14950n);
    assert.equal(parseMinorUnits('149.500'), 14950n);
    assert.equal(parseMinorUnits('-0.01'), -1n);
  });

  test('refuses to round', () => {
    assert.throws(() => parseMinorUnits('149.001'), RangeError);
    assert.throws(() => parseMinorUnits('0.005'), RangeError);
  });

  test('refuses anything that is not a plain decimal', () => {
    for (const bad of ['', '.5', '5.', '1e3', '1,00', ' 1.00', '1.00 ', '+1', 'NaN', '0x10', '1.2.3']) {
      assert.throws(() => parseMinorUnits(bad), RangeError, bad);
    }
  });

  test('round-trips', () => {
    for (const minor of [0n, 1n, 99n, 100n, 14900n, 10n ** 20n + 7n]) {
      assert.equal(parseMinorUnits(formatMinorUnits(minor)), minor);
      assert.equal(parseMinorUnits(formatMinorUnits(minor, 8), 8), minor);
    }
  });
});
