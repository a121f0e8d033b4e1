import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

/**
 * A button under `/models`: switch a model on or off, or start a price change. The switch carries the state
 * it sets, not "toggle", so a double tap or a stale list never flips a model back.
 */
export const aiModelAction = callbackCodec(
  'aimodel',
  ['action', 'modelId'],
  z.object({
    action: z.enum(['on', 'off', 'price']),
    modelId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,31}$/),
  }),
);

export const MODEL_PRICE_CANCEL = 'v1:aiprice-cancel';
