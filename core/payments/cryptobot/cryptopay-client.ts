import { z } from 'zod';
import { CryptoPayError } from './cryptopay-error.ts';
import {
  type TCryptoPayApp,
  type TCryptoPayInvoice,
  ZCryptoPayAppSchema,
  ZCryptoPayEnvelopeSchema,
  ZCryptoPayInvoiceListSchema,
  ZCryptoPayInvoiceSchema,
} from './cryptopay-schemas.ts';

/**
 * Crypto Pay API (CryptoBot) client: `https://pay.crypt.bot/api/<method>` (testnet:
 * `https://testnet-pay.crypt.bot/api`), token in the `Crypto-Pay-API-Token` header.
 *
 * Crypto Pay has no idempotency key, so `createInvoice` is sent once and never repeated here: a retry
 * after a lost answer would create a second invoice. Reads (`getMe`, `getInvoices`) are retried on
 * network failures, 429 and 5xx. An invoice is paid only when `getInvoices` (or a webhook whose
 * signature verifies) says `status: "paid"`.
 */

const ZPositiveDecimalSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'a decimal string such as "1.50"')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero');
const ZAssetCodeSchema = z.string().regex(/^[A-Z0-9]{2,12}$/, 'an asset code such as USDT');

// Crypto Pay limits: description 1024 chars, hidden message 2048, payload 4 KB, expires_in 1..2678400 s.
const invoiceCommon = {
  amount: ZPositiveDecimalSchema,
  description: z.string().max(1024).optional(),
  hiddenMessage: z.string().max(2048).optional(),
  payload: z.string().max(4096).optional(),
  paidBtnName: z.enum(['viewItem', 'openChannel', 'openBot', 'callback']).optional(),
  paidBtnUrl: z.url().optional(),
  allowComments: z.boolean().optional(),
  allowAnonymous: z.boolean().optional(),
  expiresIn: z.number().int().min(1).max(2_678_400).optional(),
};

const ZCreateInvoiceInputSchema = z
  .discriminatedUnion('currencyType', [
    z.object({ currencyType: z.literal('crypto'), asset: ZAssetCodeSchema, ...invoiceCommon }),
    z.object({
      currencyType: z.literal('fiat'),
      fiat: z.string().regex(/^[A-Z]{3}$/, 'a fiat code such as USD'),
      /** Assets the user may pay with; all supported ones when omitted. */
      acceptedAssets: z.array(ZAssetCodeSchema).min(1).optional(),
      ...invoiceCommon,
    }),
  ])
  // Crypto Pay requires the button URL whenever a button name is given.
  .refine((input) => input.paidBtnName === undefined || input.paidBtnUrl !== undefined, {
    message: 'paidBtnUrl is required with paidBtnName',
    path: ['paidBtnUrl'],
  });
export type TCreateInvoiceInput = z.input<typeof ZCreateInvoiceInputSchema>;

const ZGetInvoicesInputSchema = z.object({
  invoiceIds: z.array(z.number().int().positive()).max(1000).optional(),
  status: z.enum(['active', 'paid']).optional(),
  asset: ZAssetCodeSchema.optional(),
  fiat: z.string().optional(),
  offset: z.number().int().min(0).optional(),
  count: z.number().int().min(1).max(1000).optional(),
});
export type TGetInvoicesInput = z.input<typeof ZGetInvoicesInputSchema>;

export type TCryptoPayClientOptions = {
  token: string;
  apiBase?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Tries for read methods, the first included. */
  readAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
};
export type TCryptoPayClient = ReturnType<typeof createCryptoPayClient>;

export function createCryptoPayClient(opts: TCryptoPayClientOptions) {
  const apiBase = (opts.apiBase ?? 'https://pay.crypt.bot/api').replace(/\/+$/, '');
  const fetchImpl = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const readAttempts = opts.readAttempts ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function callOnce(method: string, params: Record<string, unknown> | undefined): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${apiBase}/${method}`, {
        method: params ? 'POST' : 'GET',
        headers: {
          'crypto-pay-api-token': opts.token,
          accept: 'application/json',
          ...(params && { 'content-type': 'application/json' }),
        },
        body: params ? JSON.stringify(params) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const message = `Crypto Pay ${method} failed: ${cause instanceof Error ? cause.message : String(cause)}`;
      throw new CryptoPayError({ code: 0, errorName: 'NETWORK_ERROR', message, cause });
    }
    const envelope = ZCryptoPayEnvelopeSchema.safeParse(parseJson(text));
    if (!envelope.success) {
      throw new CryptoPayError({
        code: response.status,
        errorName: 'UNEXPECTED_RESPONSE',
        message: `Crypto Pay ${method}: HTTP ${response.status} without an API answer`,
        retryable: response.status === 429 || response.status >= 500,
      });
    }
    if (!envelope.data.ok) {
      const { code, name } = envelope.data.error;
      throw new CryptoPayError({ code, errorName: name, message: `Crypto Pay ${method}: ${code} ${name}` });
    }
    return envelope.data.result;
  }

  async function read(method: string, params?: Record<string, unknown>): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await callOnce(method, params);
      } catch (error) {
        if (!(error instanceof CryptoPayError) || !error.retryable || attempt >= readAttempts) throw error;
        await sleep(300 * 2 ** (attempt - 1));
      }
    }
  }

  return {
    async getMe(): Promise<TCryptoPayApp> {
      return validResponse(ZCryptoPayAppSchema, await read('getMe'), 'getMe');
    },

    async createInvoice(input: TCreateInvoiceInput): Promise<TCryptoPayInvoice> {
      const args = validInput(ZCreateInvoiceInputSchema, input);
      const params = {
        currency_type: args.currencyType,
        ...(args.currencyType === 'crypto' ? { asset: args.asset } : { fiat: args.fiat }),
        // The API takes the accepted assets as one comma-separated string.
        ...(args.currencyType === 'fiat' &&
          args.acceptedAssets && { accepted_assets: args.acceptedAssets.join(',') }),
        amount: args.amount,
        description: args.description,
        hidden_message: args.hiddenMessage,
        paid_btn_name: args.paidBtnName,
        paid_btn_url: args.paidBtnUrl,
        payload: args.payload,
        allow_comments: args.allowComments,
        allow_anonymous: args.allowAnonymous,
        expires_in: args.expiresIn,
      };
      return validResponse(ZCryptoPayInvoiceSchema, await callOnce('createInvoice', params), 'createInvoice');
    },

    async getInvoices(input: TGetInvoicesInput = {}): Promise<TCryptoPayInvoice[]> {
      const args = validInput(ZGetInvoicesInputSchema, input);
      const params = {
        invoice_ids: args.invoiceIds?.join(','),
        status: args.status,
        asset: args.asset,
        fiat: args.fiat,
        offset: args.offset,
        count: args.count,
      };
      return validResponse(ZCryptoPayInvoiceListSchema, await read('getInvoices', params), 'getInvoices');
    },
  };
}

function validInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new CryptoPayError({
    code: 0,
    errorName: 'INVALID_INPUT',
    message: `invalid Crypto Pay request: ${z.prettifyError(parsed.error)}`,
    retryable: false,
  });
}

function validResponse<T extends z.ZodType>(schema: T, result: unknown, method: string): z.output<T> {
  const parsed = schema.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new CryptoPayError({
    code: 200,
    errorName: 'UNEXPECTED_RESPONSE',
    message: `unexpected Crypto Pay ${method} result: ${z.prettifyError(parsed.error)}`,
    retryable: false,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Reported by the caller as an answer without the API envelope.
  }
}
