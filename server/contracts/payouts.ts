import { z } from 'zod/mini';

// Shared by server/routes/miniapp/payouts.ts and the Mini App. Amounts are bigint minor units as decimal
// strings (kopecks, cents, Stars; satoshi for BTC); rates are exact decimals ("1.3": units of the payout
// currency per one unit of the balance's asset).

const ZMinorSchema = z.string().check(z.regex(/^\d{1,30}$/));
const ZIdSchema = z.string().check(z.regex(/^\d{1,19}$/));
const ZRateSchema = z.string().check(z.regex(/^\d{1,18}(\.\d{1,12})?$/));

/** Balances money can be withdrawn from; tokens never. */
export const ZPayoutAssetSchema = z.enum(['RUB', 'USD', 'XTR', 'USDT']);
export const ZPayoutMethodSchema = z.enum(['card_rub', 'sbp_rub', 'usdt_trc20', 'usdt_erc20', 'btc']);
export const ZPayoutCurrencySchema = z.enum(['RUB', 'USDT', 'BTC']);
export type TPayoutMethod = z.infer<typeof ZPayoutMethodSchema>;

export const ZPayoutRequestViewSchema = z.object({
  id: ZIdSchema,
  asset: ZPayoutAssetSchema,
  amount: ZMinorSchema,
  method: ZPayoutMethodSchema,
  destination: z.string(),
  bankName: z.nullable(z.string()),
  rate: ZRateSchema,
  payoutAmount: ZMinorSchema,
  payoutCurrency: ZPayoutCurrencySchema,
  status: z.enum(['requested', 'approved', 'rejected', 'paid']),
  rejectReason: z.nullable(z.string()),
  createdAt: z.string(),
  decidedAt: z.nullable(z.string()),
});
export type TPayoutRequestView = z.infer<typeof ZPayoutRequestViewSchema>;

/** GET /api/payouts: what can be withdrawn now and how, and the user's recent requests (newest first). */
export const ZPayoutsSchema = z.object({
  /** Payouts need a verified email; without one every request is refused. */
  emailVerified: z.boolean(),
  balances: z.array(
    z.object({
      asset: ZPayoutAssetSchema,
      available: ZMinorSchema,
      /** Empty when no rate is set for any method of another currency. */
      methods: z.array(
        z.object({
          method: ZPayoutMethodSchema,
          currency: ZPayoutCurrencySchema,
          rate: ZRateSchema,
          /** The least that may be requested, in the balance's minor units. */
          min: ZMinorSchema,
        }),
      ),
    }),
  ),
  requests: z.array(ZPayoutRequestViewSchema),
});
export type TPayouts = z.infer<typeof ZPayoutsSchema>;

/** POST /api/payouts. */
export const ZCreatePayoutSchema = z.object({
  asset: ZPayoutAssetSchema,
  method: ZPayoutMethodSchema,
  /** Card number, phone or address as typed; the server checks and normalizes it. */
  destination: z.string().check(z.minLength(1), z.maxLength(200)),
  /** SBP only: the recipient's bank. */
  bankName: z.optional(z.string().check(z.maxLength(100))),
  /** Minor units of `asset`. */
  amount: ZMinorSchema,
  /** The rate shown to the user; when it changed since, the request is refused (409) instead of repriced. */
  rate: z.optional(ZRateSchema),
});
export type TCreatePayout = z.infer<typeof ZCreatePayoutSchema>;

export const ZCreatedPayoutSchema = z.object({
  request: ZPayoutRequestViewSchema,
  /** What is left on the balance the payout came from. */
  balance: ZMinorSchema,
});
export type TCreatedPayout = z.infer<typeof ZCreatedPayoutSchema>;
