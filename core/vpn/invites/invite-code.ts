import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or typed from a screenshot survives. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** The `/start` payload prefix of an invite link: `t.me/<bot>?start=inv_<code>`. */
export const INVITE_PAYLOAD_PREFIX = 'inv_';

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A code as typed (`/invite abcd2345`) or from a start payload (`inv_ABCD2345`), or null if it cannot be one. */
export function parseInviteCode(text: string): string | null {
  const raw = text.trim().replace(/^inv_/i, '').toUpperCase();
  return /^[A-Z0-9]{4,16}$/.test(raw) ? raw : null;
}

export const inviteLink = (botUsername: string, code: string) =>
  `https://t.me/${botUsername}?start=${INVITE_PAYLOAD_PREFIX}${code}`;
