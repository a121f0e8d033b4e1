export const BANK_NAME_MAX = 60;

/** The recipient's bank for SBP (the phone alone does not say which of their banks): a name as people write it. */
export function parseSbpBankName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  return name.length >= 2 && name.length <= BANK_NAME_MAX && /^[\p{L}\p{N}][\p{L}\p{N} .'"«»&-]*$/u.test(name)
    ? name
    : null;
}
