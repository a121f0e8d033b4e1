/**
 * Vast.ai sends money as JSON numbers of dollars (`"gpu_earn": 19.999999999999996`, `"listed_gpu_cost": 0.35`).
 * `Math.round(x * 100)` drifts: 1.005 * 100 is 100.49999999999999, so it would give 100 where the amount says
 * 100.5 cents. Here a number is read from its shortest round-trip text (`String(1.005)` is "1.005", which is what
 * the server wrote unless it wrote more than 17 significant digits) as an exact decimal, and rounded once, half
 * away from zero, at the digit asked for. Sums are made on the exact decimals, not on floats.
 */

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** Digits kept for sums before their one rounding to cents: 10⁻¹² dollars, far below any price or earning. */
export const EXACT_SCALE = 12;

/** `round(value × 10^scale)`, half away from zero, computed on the decimal text of `value`. */
export function dollarsToScaled(value: number, scale: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) throw new RangeError(`not a decimal amount: ${value}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const digits = BigInt(whole + fraction);
  // value = digits × 10^(exponent − fraction digits); the result is that × 10^scale.
  const shift = Number(exponent) - fraction.length + scale;
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : roundDivide(digits, 10n ** BigInt(-shift));
  return sign === '-' ? -magnitude : magnitude;
}

/** An amount at `fromScale` digits, rounded once (half away from zero) to `toScale` ≤ `fromScale` digits. */
export function rescale(amount: bigint, fromScale: number, toScale: number): bigint {
  const divisor = 10n ** BigInt(fromScale - toScale);
  const magnitude = roundDivide(amount < 0n ? -amount : amount, divisor);
  return amount < 0n ? -magnitude : magnitude;
}

/** Dollars (a JSON number) as integer cents, rounded half away from zero. */
export function dollarsToCents(value: number): bigint {
  return dollarsToScaled(value, 2);
}

/** Cents as the dollars number Vast.ai takes: exact, since a cent count over 100 prints as its decimal. */
export function centsToDollars(cents: bigint): number {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return Number(text);
}

/** Non-negative `n / d`, rounded half up. */
function roundDivide(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  return (n % d) * 2n >= d ? quotient + 1n : quotient;
}
