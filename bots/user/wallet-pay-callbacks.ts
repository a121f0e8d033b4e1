import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

/**
 * Pay a product from the wallet. `nonce` is drawn when the button is drawn: a double tap on one button is
 * one payment (the nonce is the payment's key), a new visit to the product is a new purchase.
 */
export const walletPay = callbackCodec(
  'wpay',
  ['id', 'nonce'],
  z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), nonce: z.string().regex(/^[0-9a-f]{12}$/) }),
);
