import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

export const BUY_ROOT = 'v1:buy';
/** A shelf of the shop (`TProduct.shelf`); which ones exist comes from the products themselves. */
export const buyCategory = callbackCodec(
  'buy-cat',
  ['cat'],
  z.object({ cat: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/) }),
);
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
