/**
 * Payment APIs carry amounts in JSON as decimal strings (YooKassa: `"149.00"`); the domain keeps money
 * as integer minor units (`14900n` kopecks). Both directions work on the digits themselves: going
 * through `Number` would turn some values into 0.1 + 0.2-style approximations.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `14900n` → `"149.00"`; the string always has exactly `fractionDigits` digits after the point. */
export function formatMinorUnits(minor: bigint, fractionDigits = 2): string {
  assertFractionDigits(fractionDigits);
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString();
  if (fractionDigits === 0) return `${sign}${digits}`;
  const padded = digits.padStart(fractionDigits + 1, '0');
  return `${sign}${padded.slice(0, -fractionDigits)}.${padded.slice(-fractionDigits)}`;
}

/**
 * `"149.00"`, `"149.0"` or `"149"` → `14900n`. More fraction digits than the currency has are accepted
 * only when they are zeros (`"149.000"`): anything else would have to be rounded, and money is never
 * rounded silently. Throws a `RangeError` for anything that is not a plain decimal number.
 */
export function parseMinorUnits(value: string, fractionDigits = 2): bigint {
  assertFractionDigits(fractionDigits);
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  const kept = fraction.slice(0, fractionDigits);
  if (/[^0]/.test(fraction.slice(fractionDigits))) {
    throw new RangeError(`${value} has more than ${fractionDigits} fraction digits`);
  }
  const minor = BigInt(whole + kept.padEnd(fractionDigits, '0'));
  return sign === '-' ? -minor : minor;
}

function assertFractionDigits(fractionDigits: number): void {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 18) {
    throw new RangeError(`fractionDigits must be an integer 0..18, got ${fractionDigits}`);
  }
}
