import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

/** The buttons under a payout request in `/payouts`. */
export const payoutAction = callbackCodec(
  'payout',
  ['action', 'id'],
  z.object({
    action: z.enum(['approve', 'reject']),
    id: z
      .string()
      .regex(/^\d{1,19}$/)
      .transform(BigInt),
  }),
);

export const PAYOUT_REJECT_CANCEL = 'v1:payout-cancel';
