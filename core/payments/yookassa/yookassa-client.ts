import { z } from 'zod';
import { formatMinorUnits } from './money-format.ts';
import { YooKassaError } from './yookassa-error.ts';
import {
  type TYooKassaPayment,
  type TYooKassaRefund,
  ZYooKassaPaymentSchema,
  ZYooKassaRefundSchema,
} from './yookassa-schemas.ts';
import { createYooKassaTransport, type TYooKassaTransportOptions } from './yookassa-transport.ts';

/**
 * YooKassa API v3 client: payments with a redirect confirmation (the user pays on YooKassa's page and
 * comes back to `returnUrl`), refunds, and reads of both. Every creating call takes the caller's
 * Idempotence-Key: derive it from the domain operation (an order id, a refund request id) so that a job
 * that runs twice creates one payment. YooKassa keeps a key for 24 hours.
 */

// YooKassa limits: Idempotence-Key up to 64 chars; payment description up to 128; metadata up to
// 16 keys, key names up to 32 chars, values up to 512; refund description up to 250.
const ZIdempotenceKeySchema = z.string().min(1).max(64);
const ZMinorAmountSchema = z.bigint().positive();

const ZCreatePaymentInputSchema = z.object({
  idempotenceKey: ZIdempotenceKeySchema,
  amount: z.object({ valueMinor: ZMinorAmountSchema, currency: z.literal('RUB') }),
  description: z.string().min(1).max(128),
  returnUrl: z.url(),
  metadata: z
    .record(z.string().min(1).max(32), z.string().max(512))
    .refine((m) => Object.keys(m).length <= 16, 'at most 16 metadata keys'),
  receipt: z
    .object({
      email: z.email(),
      items: z
        .array(
          z.object({
            description: z.string().min(1).max(128),
            quantity: z.number().positive(),
            /** Price of one unit, in minor units (YooKassa's `amount` of an item is per unit). */
            amountMinor: ZMinorAmountSchema,
            /** 54-FZ VAT code as YooKassa numbers it (1 = no VAT, …). */
            vatCode: z.number().int().positive(),
            paymentSubject: z.string().optional(),
            paymentMode: z.string().optional(),
          }),
        )
        .min(1),
    })
    .optional(),
});
export type TCreatePaymentInput = z.input<typeof ZCreatePaymentInputSchema>;

const ZCreateRefundInputSchema = z.object({
  idempotenceKey: ZIdempotenceKeySchema,
  paymentId: z.string().min(1),
  amountMinor: ZMinorAmountSchema,
  currency: z.literal('RUB'),
  description: z.string().max(250).optional(),
});
export type TCreateRefundInput = z.input<typeof ZCreateRefundInputSchema>;

export type TYooKassaClientOptions = Omit<TYooKassaTransportOptions, 'apiBase'> & { apiBase?: string };
export type TYooKassaClient = ReturnType<typeof createYooKassaClient>;

export function createYooKassaClient(opts: TYooKassaClientOptions) {
  const request = createYooKassaTransport({ ...opts, apiBase: opts.apiBase ?? 'https://api.yookassa.ru/v3' });

  return {
    async createPayment(input: TCreatePaymentInput): Promise<TYooKassaPayment> {
      const args = validInput(ZCreatePaymentInputSchema, input);
      const body = {
        amount: { value: formatMinorUnits(args.amount.valueMinor), currency: args.amount.currency },
        // One-stage payment: the money is captured as soon as the user pays, no separate capture call.
        capture: true,
        confirmation: { type: 'redirect', return_url: args.returnUrl },
        description: args.description,
        metadata: args.metadata,
        ...(args.receipt && { receipt: receiptBody(args.receipt, args.amount.currency) }),
      };
      const json = await request({
        method: 'POST',
        path: '/payments',
        body,
        idempotenceKey: args.idempotenceKey,
      });
      return validResponse(ZYooKassaPaymentSchema, json);
    },

    async getPayment(paymentId: string): Promise<TYooKassaPayment> {
      const json = await request({ method: 'GET', path: `/payments/${encodeURIComponent(paymentId)}` });
      return validResponse(ZYooKassaPaymentSchema, json);
    },

    async createRefund(input: TCreateRefundInput): Promise<TYooKassaRefund> {
      const args = validInput(ZCreateRefundInputSchema, input);
      const body = {
        payment_id: args.paymentId,
        amount: { value: formatMinorUnits(args.amountMinor), currency: args.currency },
        ...(args.description !== undefined && { description: args.description }),
      };
      const json = await request({
        method: 'POST',
        path: '/refunds',
        body,
        idempotenceKey: args.idempotenceKey,
      });
      return validResponse(ZYooKassaRefundSchema, json);
    },

    async getRefund(refundId: string): Promise<TYooKassaRefund> {
      const json = await request({ method: 'GET', path: `/refunds/${encodeURIComponent(refundId)}` });
      return validResponse(ZYooKassaRefundSchema, json);
    },
  };
}

type TReceiptInput = NonNullable<z.output<typeof ZCreatePaymentInputSchema>['receipt']>;

function receiptBody(receipt: TReceiptInput, currency: string) {
  return {
    customer: { email: receipt.email },
    items: receipt.items.map((item) => ({
      description: item.description,
      quantity: item.quantity,
      amount: { value: formatMinorUnits(item.amountMinor), currency },
      vat_code: item.vatCode,
      ...(item.paymentSubject !== undefined && { payment_subject: item.paymentSubject }),
      ...(item.paymentMode !== undefined && { payment_mode: item.paymentMode }),
    })),
  };
}

function validInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new YooKassaError({
    code: 'invalid_input',
    message: `invalid YooKassa request: ${z.prettifyError(parsed.error)}`,
    retryable: false,
  });
}

function validResponse<T extends z.ZodType>(schema: T, json: unknown): z.output<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new YooKassaError({
    code: 'unexpected_response',
    status: 200,
    message: `unexpected YooKassa response: ${z.prettifyError(parsed.error)}`,
    retryable: false,
  });
}
