import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centsToDollars, dollarsToCents, dollarsToScaled, EXACT_SCALE, rescale } from './vast-dollars.ts';

test('dollars become cents from their decimal text, not through a float product', () => {
  // 1.005 * 100 === 100.49999999999999 and 0.285 * 100 === 28.499999999999996: Math.round would say 100 and 28.
  assert.equal(dollarsToCents(1.005), 101n);
  assert.equal(dollarsToCents(0.285), 29n);
  assert.equal(dollarsToCents(0.35), 35n);
  assert.equal(dollarsToCents(2), 200n);
  assert.equal(dollarsToCents(0.004999), 0n);
  assert.equal(dollarsToCents(0.005), 1n);
  assert.equal(dollarsToCents(-1.005), -101n);
  assert.equal(dollarsToCents(1.5e-7), 0n);
  assert.equal(dollarsToCents(1e21), 10n ** 23n);
});

test('a float sum that drifted (0.1 + 0.2) is read as the decimal it prints as', () => {
  assert.equal(dollarsToScaled(0.1 + 0.2, 17), 30_000_000_000_000_004n);
  assert.equal(dollarsToScaled(0.1 + 0.2, EXACT_SCALE), 300_000_000_000n);
  assert.equal(dollarsToCents(0.1 + 0.2), 30n);
  assert.equal(dollarsToCents(19.999999999999996), 2000n);
});

test('parts are summed exactly and rounded once', () => {
  // Three parts of 0.004 $ each: rounded one by one they make 0 ¢; their sum, 0.012 $, is 1 ¢.
  const sum = [0.004, 0.004, 0.004].reduce((acc, part) => acc + dollarsToScaled(part, EXACT_SCALE), 0n);
  assert.equal(rescale(sum, EXACT_SCALE, 2), 1n);
  assert.equal(rescale(-5_000_000_000n, EXACT_SCALE, 2), -1n);
});

test('cents go out as the exact dollar number', () => {
  assert.equal(centsToDollars(35n), 0.35);
  assert.equal(centsToDollars(200n), 2);
  assert.equal(centsToDollars(1n), 0.01);
  assert.equal(centsToDollars(-250n), -2.5);
  for (const cents of [1n, 7n, 29n, 101n, 12_345n])
    assert.equal(dollarsToCents(centsToDollars(cents)), cents);
});
