import { z } from 'zod/mini';

// Shared by server/routes/miniapp/referral.ts and the Mini App's referral page.

export const ZReferralSchema = z.object({
  code: z.string(),
  /** `https://t.me/<user bot>?start=<code>`: opening it signs the newcomer up as invited by this user. */
  link: z.string(),
  /** The link as a PNG QR code (`data:image/png;base64,…`), for showing on a screen or printing. */
  qrDataUrl: z.string().check(z.startsWith('data:image/png;base64,')),
  stats: z.object({
    invited: z.number(),
    paying: z.number(),
    /** Tokens received for invitees' purchases, as a decimal string. */
    earnedTokens: z.string(),
  }),
  /** The ten newest invitees. First names only: the inviter learns no more about them than that. */
  recent: z.array(z.object({ firstName: z.string(), joinedAt: z.string(), paid: z.boolean() })),
});
export type TReferral = z.infer<typeof ZReferralSchema>;
