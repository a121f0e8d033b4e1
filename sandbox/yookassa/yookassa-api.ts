import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseMinorUnits } from '#core/payments/yookassa/money-format.ts';
import { BodyTooLargeError, canonicalJson, readBody, sendJson } from '#sandbox/http-stand-in/http-basics.ts';
import {
  newErrorId,
  type TLedgerFailure,
  type TStoredRefund,
  type YooKassaLedger,
} from './yookassa-ledger.ts';

/**
 * The `/v3` API of the stand-in: POST /payments, GET /payments/:id, POST /refunds, GET /refunds/:id,
 * with YooKassa's HTTP Basic auth, Idempotence-Key rules and error bodies
 * (`{ type: "error", id, code, description, parameter }`).
 */

export type TInjectedFault = { stage: 'before' | 'after'; status: number };
export type TLoggedRequest = {
  method: string;
  path: string;
  idempotenceKey: string | undefined;
  status: number;
};

export type TApiContext = {
  shopId: string;
  secretKey: string;
  ledger: YooKassaLedger;
  /** Consumed one per API request, oldest first. */
  faults: TInjectedFault[];
  requestLog: TLoggedRequest[];
  onRefund: (refund: TStoredRefund) => void;
};

type TReply = { status: number; body: unknown };

const ZAmountBodySchema = z.object({
  value: z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal with at most 2 fraction digits'),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

const ZPaymentRequestSchema = z.object({
  amount: ZAmountBodySchema,
  // Simplification: only one-stage payments; a two-stage one would need the capture/cancel endpoints.
  capture: z.literal(true, 'the stand-in supports only capture: true'),
  confirmation: z.object({ type: z.literal('redirect'), return_url: z.url() }),
  description: z.string().max(128).optional(),
  metadata: z.record(z.string().max(32), z.string().max(512)).optional(),
  receipt: z
    .object({
      customer: z.object({ email: z.string().optional(), phone: z.string().optional() }),
      items: z
        .array(
          z.object({
            description: z.string().min(1).max(128),
            quantity: z.union([z.number().positive(), z.string()]),
            amount: ZAmountBodySchema,
            vat_code: z.number().int().positive(),
          }),
        )
        .min(1),
    })
    .optional(),
});

const ZRefundRequestSchema = z.object({
  payment_id: z.string().min(1),
  amount: ZAmountBodySchema,
  description: z.string().max(250).optional(),
});

export async function handleApiRequest(
  ctx: TApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  const method = req.method ?? 'GET';
  const idempotenceKey = header(req, 'idempotence-key');
  const fault = ctx.faults.shift();
  const reply = await (fault?.stage === 'before'
    ? internalError(fault.status)
    : route(ctx, req, method, path));
  // An "after" fault lets the request take effect and then loses the answer, as a timeout would.
  const sent = fault?.stage === 'after' ? internalError(fault.status) : reply;
  ctx.requestLog.push({ method, path, idempotenceKey, status: sent.status });
  sendJson(res, sent.status, sent.body);
}

async function route(ctx: TApiContext, req: IncomingMessage, method: string, path: string): Promise<TReply> {
  if (!authorized(ctx, req)) {
    return errorReply(401, 'invalid_credentials', 'Authentication by given credentials failed');
  }
  // Payment and refund ids are UUIDs, so a path segment needs no decoding.
  const [, collection, id, ...rest] = path.replace(/^\/v3/, '').split('/');
  if ((collection !== 'payments' && collection !== 'refunds') || rest.length > 0) {
    return errorReply(404, 'not_found', `no such endpoint: ${method} ${path}`);
  }
  if (id === undefined || id === '') {
    if (method !== 'POST') return errorReply(405, 'invalid_request', `${method} is not supported here`);
    return idempotentPost(ctx, req, collection, path);
  }
  if (method !== 'GET') return errorReply(405, 'invalid_request', `${method} is not supported here`);
  const found = collection === 'payments' ? ctx.ledger.getPayment(id) : ctx.ledger.getRefund(id);
  if (!found) return errorReply(404, 'not_found', `${collection.slice(0, -1)} ${id} not found`);
  return {
    status: 200,
    body: 'returnUrl' in found ? ctx.ledger.paymentJson(found) : ctx.ledger.refundJson(found),
  };
}

async function idempotentPost(
  ctx: TApiContext,
  req: IncomingMessage,
  collection: 'payments' | 'refunds',
  path: string,
): Promise<TReply> {
  if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
    return errorReply(415, 'invalid_request', 'Content-Type must be application/json');
  }
  const key = header(req, 'idempotence-key');
  if (key === undefined || key === '') {
    return errorReply(400, 'invalid_request', 'Idempotence key is missing', 'Idempotence-Key');
  }
  if (key.length > 64)
    return errorReply(400, 'invalid_request', 'Idempotence key is too long', 'Idempotence-Key');
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req)).toString('utf8')) as unknown;
  } catch (err) {
    const tooLarge = err instanceof BodyTooLargeError;
    return errorReply(
      tooLarge ? 413 : 400,
      'invalid_request',
      tooLarge ? 'Request body is too large' : 'Malformed JSON',
    );
  }
  // Bodies are compared as JSON, so the same fields in another order count as the same request.
  const fingerprint = `${path}\n${canonicalJson(json)}`;
  const earlier = ctx.ledger.recall(key, fingerprint);
  if (earlier.kind === 'replay') return { status: earlier.status, body: earlier.body };
  if (earlier.kind === 'conflict') {
    return errorReply(400, 'invalid_request', 'Idempotence key duplicated', 'Idempotence-Key');
  }
  const reply = collection === 'payments' ? createPayment(ctx, json) : createRefund(ctx, json);
  // Only what took effect is remembered: a refused request may be corrected and sent again.
  if (reply.status === 200) ctx.ledger.remember(key, fingerprint, reply.status, reply.body);
  return reply;
}

function createPayment(ctx: TApiContext, json: unknown): TReply {
  const parsed = ZPaymentRequestSchema.safeParse(json);
  if (!parsed.success) return validationReply(parsed.error);
  const body = parsed.data;
  const amountMinor = parseMinorUnits(body.amount.value);
  if (amountMinor <= 0n) return errorReply(400, 'invalid_request', 'Amount must be positive', 'amount.value');
  if (body.receipt) {
    // 54-FZ: the receipt's items must add up to the payment amount.
    const itemsThousandths = body.receipt.items.reduce(
      (sum, item) => sum + parseMinorUnits(item.amount.value) * parseMinorUnits(String(item.quantity), 3),
      0n,
    );
    if (itemsThousandths !== amountMinor * 1000n) {
      return errorReply(
        400,
        'invalid_request',
        'Receipt items do not add up to the payment amount',
        'receipt',
      );
    }
  }
  const payment = ctx.ledger.createPayment({
    amountMinor,
    currency: body.amount.currency,
    description: body.description,
    metadata: body.metadata ?? {},
    returnUrl: body.confirmation.return_url,
  });
  return { status: 200, body: ctx.ledger.paymentJson(payment) };
}

function createRefund(ctx: TApiContext, json: unknown): TReply {
  const parsed = ZRefundRequestSchema.safeParse(json);
  if (!parsed.success) return validationReply(parsed.error);
  const body = parsed.data;
  const result = ctx.ledger.createRefund({
    paymentId: body.payment_id,
    amountMinor: parseMinorUnits(body.amount.value),
    currency: body.amount.currency,
    description: body.description,
  });
  if (!result.ok) return failureReply(result);
  ctx.onRefund(result.value);
  return { status: 200, body: ctx.ledger.refundJson(result.value) };
}

function authorized(ctx: TApiContext, req: IncomingMessage): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  if (!match?.[1]) return false;
  return Buffer.from(match[1], 'base64').toString('utf8') === `${ctx.shopId}:${ctx.secretKey}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validationReply(error: z.ZodError): TReply {
  const issue = error.issues[0];
  const parameter = issue?.path.join('.') || undefined;
  return errorReply(400, 'invalid_request', issue?.message ?? 'Invalid request', parameter);
}

export function failureReply(failure: TLedgerFailure): TReply {
  return errorReply(failure.status, failure.code, failure.description, failure.parameter);
}

function internalError(status: number): TReply {
  return errorReply(status, 'internal_server_error', 'Internal server error (injected by the stand-in)');
}

function errorReply(status: number, code: string, description: string, parameter?: string): TReply {
  return {
    status,
    body: {
      type: 'error',
      id: newErrorId(),
      code,
      description,
      ...(parameter !== undefined && { parameter }),
    },
  };
}
