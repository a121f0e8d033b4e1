import { z } from 'zod/mini';

export const ZPromoRequestSchema = z.object({ code: z.string().check(z.minLength(1), z.maxLength(64)) });
export type TPromoRequest = z.infer<typeof ZPromoRequestSchema>;

/** The outcome in the user's language; `balance` (tokens, decimal string) after a bonus. */
export const ZPromoResultSchema = z.object({
  kind: z.enum(['bonus', 'discount']),
  message: z.string(),
  balance: z.nullable(z.string()),
});
export type TPromoResult = z.infer<typeof ZPromoResultSchema>;
