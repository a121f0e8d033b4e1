import type { PrismaClient } from '#core/db/generated/client.ts';

const PAYLOAD = /^p_([a-z0-9]{4,32})$/;

/** The `/start` payload of a partner's link: t.me/<bot>?start=p_<code>. */
export const partnerLink = (botUsername: string, code: string) =>
  `https://t.me/${botUsername}?start=p_${code}`;

export const parsePartnerPayload = (payload: string | null | undefined): string | null =>
  (payload && PAYLOAD.exec(payload)?.[1]) || null;

/**
 * The active partner a new account's `/start` payload names, or null (not a partner link, unknown code, a
 * disabled partner). Checked before the referral-code path, which would otherwise read `p_…` as a code.
 */
export async function partnerIdForPayload(
  db: PrismaClient,
  payload: string | null | undefined,
): Promise<bigint | null> {
  const code = parsePartnerPayload(payload);
  if (!code) return null;
  const partner = await db.partner.findUnique({ where: { code }, select: { id: true, disabledAt: true } });
  return partner && partner.disabledAt === null ? partner.id : null;
}
