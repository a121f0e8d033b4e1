import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyTooLargeError, readBody, sendJson } from '#sandbox/http-stand-in/http-basics.ts';
import { type CryptoPayStore, invoiceJson } from './cryptopay-store.ts';

/**
 * `/api/<method>` of the stand-in: getMe, createInvoice, getInvoices. Like Crypto Pay, parameters come
 * from the query string (GET) or a JSON or form-urlencoded body (POST), the token from the
 * `Crypto-Pay-API-Token` header, and every answer is `{ ok: true, result }` or
 * `{ ok: false, error: { code, name } }`. The HTTP status mirrors `error.code`.
 *
 * Not implemented: multipart bodies, and the methods Polygram does not call (transfer, checks,
 * getBalance, getExchangeRates, …), which answer 404 METHOD_NOT_FOUND. Error names for bad
 * parameters follow Crypto Pay's `<PARAM>_INVALID` pattern but are not checked against every real one.
 */

export type TApiContext = {
  token: string;
  appName: string;
  store: CryptoPayStore;
  payUrl: (hash: string) => string;
  requestLog: Array<{ method: string; apiMethod: string; status: number }>;
};

type TReply = { status: number; body: unknown };

// Crypto Pay's documented assets and fiat currencies; its list grows, the stand-in's need not.
const KNOWN_ASSETS = 'USDT TON BTC ETH LTC BNB TRX USDC'.split(' ');
const KNOWN_FIATS = 'USD EUR RUB BYN UAH GBP CNY KZT UZS GEL TRY AMD THB INR BRL IDR AZN AED PLN ILS'.split(
  ' ',
);

// Query strings and forms carry only text; JSON bodies carry real booleans and numbers. Both are read.
const ZFlagSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const ZIntSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const ZListSchema = z.union([
  z.array(z.union([z.string(), z.number()])).transform((l) => l.map(String)),
  z.string().transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
]);

const ZCreateInvoiceParamsSchema = z
  .object({
    currency_type: z.enum(['crypto', 'fiat']).default('crypto'),
    asset: z.enum(KNOWN_ASSETS).optional(),
    fiat: z.enum(KNOWN_FIATS).optional(),
    accepted_assets: ZListSchema.pipe(z.array(z.enum(KNOWN_ASSETS)).min(1)).optional(),
    amount: z.union([z.string(), z.number().transform(String)]).pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .refine((v) => /[1-9]/.test(v)),
    ),
    description: z.string().max(1024).optional(),
    hidden_message: z.string().max(2048).optional(),
    paid_btn_name: z.enum(['viewItem', 'openChannel', 'openBot', 'callback']).optional(),
    paid_btn_url: z.url().optional(),
    payload: z.string().max(4096).optional(),
    allow_comments: ZFlagSchema.optional(),
    allow_anonymous: ZFlagSchema.optional(),
    expires_in: ZIntSchema.pipe(z.number().min(1).max(2_678_400)).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.currency_type === 'crypto' && p.asset === undefined)
      ctx.addIssue({ code: 'custom', path: ['asset'], message: 'required' });
    if (p.currency_type === 'fiat' && p.fiat === undefined)
      ctx.addIssue({ code: 'custom', path: ['fiat'], message: 'required' });
    if (p.paid_btn_name !== undefined && p.paid_btn_url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['paid_btn_url'], message: 'required with paid_btn_name' });
    }
  });

const ZGetInvoicesParamsSchema = z.object({
  invoice_ids: ZListSchema.pipe(z.array(z.string().regex(/^\d+$/).transform(Number))).optional(),
  status: z.enum(['active', 'paid']).optional(),
  asset: z.string().optional(),
  fiat: z.string().optional(),
  offset: ZIntSchema.optional(),
  count: ZIntSchema.pipe(z.number().min(1).max(1000)).optional(),
});

export async function handleApiRequest(
  ctx: TApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  apiMethod: string,
) {
  const reply = await answer(ctx, req, apiMethod);
  ctx.requestLog.push({ method: req.method ?? 'GET', apiMethod, status: reply.status });
  sendJson(res, reply.status, reply.body);
}

async function answer(ctx: TApiContext, req: IncomingMessage, apiMethod: string): Promise<TReply> {
  const token = req.headers['crypto-pay-api-token'];
  if (token !== ctx.token) return failure(401, 'UNAUTHORIZED');
  if (req.method !== 'GET' && req.method !== 'POST') return failure(405, 'METHOD_NOT_ALLOWED');
  let params: Record<string, unknown>;
  try {
    params = await readParams(req);
  } catch (err) {
    return failure(err instanceof BodyTooLargeError ? 413 : 400, 'PARAMS_INVALID');
  }
  switch (apiMethod) {
    case 'getMe':
      return success({ app_id: 1, name: ctx.appName, payment_processing_bot_username: 'CryptoBot' });
    case 'createInvoice':
      return createInvoice(ctx, params);
    case 'getInvoices':
      return getInvoices(ctx, params);
    default:
      return failure(404, 'METHOD_NOT_FOUND');
  }
}

function createInvoice(ctx: TApiContext, params: Record<string, unknown>): TReply {
  const parsed = ZCreateInvoiceParamsSchema.safeParse(params);
  if (!parsed.success) return invalidParams(parsed.error);
  const p = parsed.data;
  const invoice = ctx.store.create({
    currencyType: p.currency_type,
    asset: p.currency_type === 'crypto' ? p.asset : undefined,
    fiat: p.currency_type === 'fiat' ? p.fiat : undefined,
    acceptedAssets: p.currency_type === 'fiat' ? p.accepted_assets : undefined,
    amount: p.amount,
    description: p.description,
    hiddenMessage: p.hidden_message,
    payload: p.payload,
    paidBtnName: p.paid_btn_name,
    paidBtnUrl: p.paid_btn_url,
    allowComments: p.allow_comments ?? true,
    allowAnonymous: p.allow_anonymous ?? true,
    expiresIn: p.expires_in,
  });
  return success(invoiceJson(invoice, ctx.payUrl(invoice.hash)));
}

function getInvoices(ctx: TApiContext, params: Record<string, unknown>): TReply {
  const parsed = ZGetInvoicesParamsSchema.safeParse(params);
  if (!parsed.success) return invalidParams(parsed.error);
  const p = parsed.data;
  const items = ctx.store
    .list()
    .filter((i) => p.invoice_ids === undefined || p.invoice_ids.includes(i.id))
    .filter((i) => p.status === undefined || i.status === p.status)
    .filter((i) => p.asset === undefined || i.asset === p.asset)
    .filter((i) => p.fiat === undefined || i.fiat === p.fiat)
    .slice(p.offset ?? 0, (p.offset ?? 0) + (p.count ?? 100))
    .map((i) => invoiceJson(i, ctx.payUrl(i.hash)));
  return success({ items });
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://stand-in').searchParams);
  if (req.method === 'GET') return query;
  const raw = (await readBody(req)).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (raw.trim() === '') return query;
  if (type.startsWith('application/x-www-form-urlencoded'))
    return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
  const json: unknown = JSON.parse(raw);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('body is not an object');
  // JSON null means "not given", as an absent key would.
  return { ...query, ...Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null)) };
}

function invalidParams(error: z.ZodError): TReply {
  const field = String(error.issues[0]?.path[0] ?? 'params');
  return failure(400, `${field.toUpperCase()}_INVALID`);
}

function success(result: unknown): TReply {
  return { status: 200, body: { ok: true, result } };
}

function failure(code: number, name: string): TReply {
  return { status: code, body: { ok: false, error: { code, name } } };
}
