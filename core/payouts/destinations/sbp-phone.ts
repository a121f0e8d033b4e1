/**
 * The phone number an SBP (Faster Payments System) transfer goes to: a Russian mobile number, +7 and ten
 * digits starting with 9, as `+79991234567`. People also write 8 or 7 for +7, and spaces, dashes and
 * brackets; all of that is accepted and dropped.
 */
export function parseSbpPhone(input: string): string | null {
  const compact = input.replace(/[\s()-]/g, '');
  const match = /^(?:\+7|8|7)(9\d{9})$/.exec(compact);
  return match?.[1] ? `+7${match[1]}` : null;
}
