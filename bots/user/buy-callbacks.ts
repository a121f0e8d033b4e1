import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

export const BUY_ROOT = 'v1:buy';
export const BUY_CATEGORIES = ['ai', 'packs', 'studio'] as const;
export type TBuyCategory = (typeof BUY_CATEGORIES)[number];

export const buyCategory = callbackCodec('buy-cat', ['cat'], z.object({ cat: z.enum(BUY_CATEGORIES) }));
export const buyProduct = callbackCodec(
  'buy-prod',
  ['id'],
  z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
);
export const buyMethod = callbackCodec(
  'buy-pay',
  ['id', 'provider'],
  z.object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    provider: z.enum(['stars', 'yookassa', 'cryptobot']),
  }),
);
