import { z } from 'zod/mini';

// Shared by server/routes/miniapp/wallet-pay.ts and the Mini App: paying a product from the RUB wallet.

export const ZWalletPayRequestSchema = z.object({
  productId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  /** Drawn by the page once per purchase (a UUID): a repeated tap or a retried request pays once. */
  key: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/)),
});
export type TWalletPayRequest = z.infer<typeof ZWalletPayRequestSchema>;

export const ZWalletPaySchema = z.object({
  paymentId: z.string(),
  status: z.enum(['pending', 'succeeded', 'canceled', 'refunded', 'partially_refunded']),
  /** Kopecks paid, after any claimed discount. */
  amount: z.string().check(z.regex(/^\d{1,30}$/)),
  /** The RUB balance left to spend, kopecks. */
  balance: z.string().check(z.regex(/^\d{1,30}$/)),
});
export type TWalletPay = z.infer<typeof ZWalletPaySchema>;
