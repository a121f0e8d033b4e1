import { z } from 'zod';

/** A user's id as the spec sends it (a string) or as a number; Polygram's ids are Telegram ids. */
export const ZApiUserIdSchema = z
  .union([z.string().regex(/^\d{1,19}$/), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)])
  .transform((v) => BigInt(v));
