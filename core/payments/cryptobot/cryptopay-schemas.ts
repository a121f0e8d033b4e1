import { z } from 'zod';

/**
 * Shapes of Crypto Pay API (CryptoBot) answers. Every method answers `{ ok: true, result }` or
 * `{ ok: false, error: { code, name } }`. Amounts are decimal strings whose precision depends on the
 * asset (USDT 2–6 digits, TON 9, BTC 8), so they stay strings here; the caller converts with the
 * asset's own precision. Only the fields Polygram reads are declared; zod drops the rest.
 */

/** Assets Crypto Pay has supported for a long time; the API adds more, so any code is accepted. */
export type TCryptoPayKnownAsset = 'USDT' | 'TON' | 'BTC' | 'ETH' | 'LTC' | 'BNB' | 'TRX' | 'USDC';
export type TCryptoPayAsset = TCryptoPayKnownAsset | (string & {});

// Some numeric fields (fee_amount, paid_usd_rate, …) are documented as strings but older answers carry
// JSON numbers; both are kept as the decimal text.
const ZDecimalTextSchema = z.union([z.string(), z.number()]).transform(String);

export const ZCryptoPayInvoiceStatusSchema = z.enum(['active', 'paid', 'expired']);
export type TCryptoPayInvoiceStatus = z.output<typeof ZCryptoPayInvoiceStatusSchema>;

export const ZCryptoPayInvoiceSchema = z.object({
  invoice_id: z.number().int(),
  hash: z.string(),
  currency_type: z.enum(['crypto', 'fiat']),
  /** Set when currency_type is `crypto`. */
  asset: z.string().optional(),
  /** Set when currency_type is `fiat`. */
  fiat: z.string().optional(),
  amount: z.string(),
  status: ZCryptoPayInvoiceStatusSchema,
  /** Deprecated by Crypto Pay 1.2 in favour of bot_invoice_url, still sent. */
  pay_url: z.string().optional(),
  bot_invoice_url: z.string(),
  mini_app_invoice_url: z.string().optional(),
  web_app_invoice_url: z.string().optional(),
  description: z.string().optional(),
  payload: z.string().optional(),
  accepted_assets: z.array(z.string()).optional(),
  created_at: z.string(),
  expiration_date: z.string().optional(),
  paid_at: z.string().optional(),
  /** What the user actually paid with, for fiat invoices. */
  paid_asset: z.string().optional(),
  paid_amount: ZDecimalTextSchema.optional(),
  paid_fiat_rate: ZDecimalTextSchema.optional(),
  paid_usd_rate: ZDecimalTextSchema.optional(),
  fee_asset: z.string().optional(),
  fee_amount: ZDecimalTextSchema.optional(),
  allow_comments: z.boolean().optional(),
  allow_anonymous: z.boolean().optional(),
  paid_anonymously: z.boolean().optional(),
  comment: z.string().optional(),
  paid_btn_name: z.string().optional(),
  paid_btn_url: z.string().optional(),
});
export type TCryptoPayInvoice = z.output<typeof ZCryptoPayInvoiceSchema>;

/** `getMe`: the app the token belongs to. */
export const ZCryptoPayAppSchema = z.object({
  app_id: z.number().int(),
  name: z.string(),
  payment_processing_bot_username: z.string(),
});
export type TCryptoPayApp = z.output<typeof ZCryptoPayAppSchema>;

/**
 * `getInvoices` answers `{ items: Invoice[] }`; some older descriptions show a bare array, so both are
 * read.
 */
export const ZCryptoPayInvoiceListSchema = z.union([
  z.object({ items: z.array(ZCryptoPayInvoiceSchema) }).transform((list) => list.items),
  z.array(ZCryptoPayInvoiceSchema),
]);

export const ZCryptoPayEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.number().int(), name: z.string() }),
  }),
]);
