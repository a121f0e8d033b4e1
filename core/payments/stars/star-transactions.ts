import { z } from 'zod';

/** Only the parts of a TransactionPartner the reconciliation reads; other partner kinds pass through. */
const ZTransactionPartnerSchema = z.looseObject({
  type: z.string(),
  /** Bot API 9.0; older answers lack it and then every user transaction was an invoice payment. */
  transaction_type: z.string().optional(),
  invoice_payload: z.string().optional(),
  user: z.looseObject({ id: z.number().int() }).optional(),
});

/**
 * Bot API StarTransaction. `id` coincides with SuccessfulPayment.telegram_payment_charge_id for a user's
 * payment, and a refund carries the id of the payment it refunds; `source` is set on incoming transactions,
 * `receiver` on outgoing ones.
 */
export const ZStarTransactionSchema = z.object({
  id: z.string().min(1),
  amount: z.number().int(),
  date: z.number().int(),
  source: ZTransactionPartnerSchema.optional(),
  receiver: ZTransactionPartnerSchema.optional(),
});
export type TStarTransaction = z.output<typeof ZStarTransactionSchema>;

/** Telegram's record of the bot's Stars (Bot API getStarTransactions): `limit` (1-100) after `offset`. */
export interface TStarTransactionSource {
  page(input: { offset: number; limit: number }): Promise<readonly unknown[]>;
}

/** A user's payment for one of our invoices: the only incoming transactions that can be our payments. */
export function invoicePaymentOf(
  transaction: TStarTransaction,
): { chargeId: string; payload: string; payerId: number | undefined; amount: number } | null {
  const source = transaction.source;
  if (source?.type !== 'user' || source.invoice_payload === undefined) return null;
  if ((source.transaction_type ?? 'invoice_payment') !== 'invoice_payment') return null;
  return {
    chargeId: transaction.id,
    payload: source.invoice_payload,
    payerId: source.user?.id,
    amount: transaction.amount,
  };
}

/** An outgoing transaction to a user: the refund of the incoming payment with the same id. */
export const isRefund = (transaction: TStarTransaction): boolean => transaction.receiver?.type === 'user';
