/** Luhn's check digit: every second digit from the right doubled (minus 9 past 9), the sum a multiple of 10. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/** A bank card number: 16 to 19 digits (spaces and dashes allowed between) with a valid Luhn digit. */
export function parseCardNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16,19}$/.test(digits) && passesLuhn(digits) ? digits : null;
}
