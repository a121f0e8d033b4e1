import { z } from 'zod/mini';

// Shared by server/routes/miniapp/wallet.ts and miniapp/src/api/wallet.ts. Amounts are bigint minor units
// (tokens, kopecks, cents, stars) and travel as decimal strings: JSON numbers lose precision past 2^53.

const ZDecimalSchema = z.string().check(z.regex(/^-?\d{1,30}$/));
const ZIdSchema = z.string().check(z.regex(/^\d{1,19}$/));

export const ZAssetSchema = z.enum(['TOKEN', 'RUB', 'USD', 'XTR', 'USDT']);
export type TAsset = z.infer<typeof ZAssetSchema>;

/** Ledger transaction types, in the order the filter chips show them. */
export const ZTransactionTypeSchema = z.enum([
  'topup',
  'spend',
  'refund',
  'manual',
  'bonus',
  'referral',
  'earning',
  'commission',
  'payout',
  'reversal',
  'expiry',
]);
export type TTransactionType = z.infer<typeof ZTransactionTypeSchema>;

export const ZGrantSourceSchema = z.enum([
  'purchase',
  'subscription',
  'bonus',
  'referral',
  'promo',
  'manual',
]);

export const ZWalletSchema = z.object({
  tokens: z.object({
    /** Live tokens (expired grants excluded). */
    balance: ZDecimalSchema,
    /** Reserved for running tasks; not spendable until they finish. */
    held: ZDecimalSchema,
    available: ZDecimalSchema,
  }),
  /** Token batches with something left, soonest-expiring first; perpetual ones last. */
  grants: z.array(
    z.object({
      id: ZIdSchema,
      source: ZGrantSourceSchema,
      amount: ZDecimalSchema,
      remaining: ZDecimalSchema,
      expiresAt: z.nullable(z.string()),
    }),
  ),
  /** Non-zero money balances (referral earnings, refunds held as credit). */
  money: z.array(z.object({ asset: ZAssetSchema, balance: ZDecimalSchema, available: ZDecimalSchema })),
  /** Active plans (AI subscription, unlimited chat), ending soonest first. */
  plans: z.array(
    z.object({
      kind: z.enum(['ai_subscription', 'ai_unlimited']),
      /** The product's title is the Fluent key `product-<productId>`. */
      productId: z.string(),
      endsAt: z.string(),
    }),
  ),
});
export type TWallet = z.infer<typeof ZWalletSchema>;

export const HISTORY_PAGE_MAX = 50;

/** Query of GET /api/wallet/history; every field optional, all strings as a query string delivers them. */
export const ZHistoryQuerySchema = z.object({
  asset: z.optional(ZAssetSchema),
  type: z.optional(ZTransactionTypeSchema),
  /** Entry id of the last row seen: the page continues below it (keyset, stable while new rows arrive). */
  before: z.optional(ZIdSchema),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
});
export type THistoryQuery = z.infer<typeof ZHistoryQuerySchema>;

export const ZHistorySchema = z.object({
  items: z.array(
    z.object({
      id: ZIdSchema,
      at: z.string(),
      asset: ZAssetSchema,
      type: ZTransactionTypeSchema,
      /** What the movement was for, in the user's language: "GPT-4o · chat message", "Refund: …". */
      description: z.string(),
      /** Signed: negative for money leaving the balance. */
      amount: ZDecimalSchema,
      balanceBefore: ZDecimalSchema,
      balanceAfter: ZDecimalSchema,
    }),
  ),
  /** Pass as `before` for the next page; null when this page is the last. */
  nextBefore: z.nullable(ZIdSchema),
});
export type THistory = z.infer<typeof ZHistorySchema>;
export type THistoryItem = THistory['items'][number];
