import { z } from 'zod';
import { parseMinorUnits } from './money-format.ts';

/**
 * Shapes of what YooKassa sends back (API v3 payment and refund objects, error bodies). Only the fields
 * Polygram reads are declared; zod drops the rest, so a field YooKassa adds later cannot break parsing.
 * Amounts arrive as `{ value: "149.00", currency: "RUB" }` and leave here as integer minor units.
 */

// Every currency YooKassa settles in (RUB, USD, EUR, …) has two fraction digits.
const YOOKASSA_FRACTION_DIGITS = 2;

export const ZYooKassaAmountSchema = z
  .object({ value: z.string(), currency: z.string().length(3) })
  .transform((amount, ctx) => {
    try {
      return {
        valueMinor: parseMinorUnits(amount.value, YOOKASSA_FRACTION_DIGITS),
        currency: amount.currency,
      };
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  });
export type TYooKassaAmount = z.output<typeof ZYooKassaAmountSchema>;

export const ZYooKassaPaymentStatusSchema = z.enum([
  'pending',
  'waiting_for_capture',
  'succeeded',
  'canceled',
]);
export type TYooKassaPaymentStatus = z.output<typeof ZYooKassaPaymentStatusSchema>;

/** Why a payment or refund was canceled; `party` is who canceled it (yoo_money, payment_network, merchant). */
export const ZYooKassaCancellationDetailsSchema = z.object({ party: z.string(), reason: z.string() });

const ZConfirmationSchema = z.object({
  type: z.string(),
  confirmation_url: z.string().optional(),
  return_url: z.string().optional(),
});

export const ZYooKassaPaymentSchema = z
  .object({
    id: z.string().min(1),
    status: ZYooKassaPaymentStatusSchema,
    paid: z.boolean(),
    amount: ZYooKassaAmountSchema,
    income_amount: ZYooKassaAmountSchema.optional(),
    refunded_amount: ZYooKassaAmountSchema.optional(),
    description: z.string().optional(),
    confirmation: ZConfirmationSchema.optional(),
    // YooKassa returns metadata as the strings it was given; absent when none was set.
    metadata: z.record(z.string(), z.string()).optional().default({}),
    created_at: z.string(),
    captured_at: z.string().optional(),
    expires_at: z.string().optional(),
    refundable: z.boolean(),
    test: z.boolean(),
    payment_method: z.object({ type: z.string(), id: z.string(), saved: z.boolean() }).optional(),
    cancellation_details: ZYooKassaCancellationDetailsSchema.optional(),
  })
  // The redirect URL is the one thing a caller needs from `confirmation`; lifted so it need not dig.
  .transform((payment) => ({ ...payment, confirmation_url: payment.confirmation?.confirmation_url }));
export type TYooKassaPayment = z.output<typeof ZYooKassaPaymentSchema>;

export const ZYooKassaRefundSchema = z.object({
  id: z.string().min(1),
  payment_id: z.string().min(1),
  status: z.enum(['pending', 'succeeded', 'canceled']),
  amount: ZYooKassaAmountSchema,
  created_at: z.string(),
  description: z.string().optional(),
  cancellation_details: ZYooKassaCancellationDetailsSchema.optional(),
});
export type TYooKassaRefund = z.output<typeof ZYooKassaRefundSchema>;

/**
 * The body YooKassa returns with HTTP 400, 401, 403, 404, 429 and 500:
 * `{ type: "error", id, code, description, parameter }`; `retry_after` (milliseconds) may come with
 * answers that ask to be repeated later.
 */
export const ZYooKassaErrorBodySchema = z.object({
  type: z.literal('error'),
  id: z.string().optional(),
  code: z.string(),
  description: z.string().optional(),
  parameter: z.string().optional(),
  retry_after: z.number().optional(),
});
export type TYooKassaErrorBody = z.output<typeof ZYooKassaErrorBodySchema>;
