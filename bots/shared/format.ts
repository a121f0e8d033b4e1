/** Telegram's HTML parse mode needs exactly these three escaped. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const fullName = (user: { firstName: string; lastName: string | null }): string =>
  [user.firstName, user.lastName].filter(Boolean).join(' ');

/** Times shown to people in chat are UTC, to the minute: "2026-11-23 14:05". */
export const formatUtc = (iso: string | Date): string =>
  (typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 16).replace('T', ' ');

export const secondsUntil = (iso: string, now = Date.now()): number =>
  Math.max(1, Math.ceil((new Date(iso).getTime() - now) / 1000));
