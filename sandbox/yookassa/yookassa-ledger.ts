import { randomBytes, randomUUID } from 'node:crypto';
import { formatMinorUnits } from '#core/payments/yookassa/money-format.ts';

/**
 * The stand-in's state and YooKassa's rules for it: payments (pending → succeeded | canceled),
 * refunds (at most what was paid minus what was refunded, only of succeeded payments) and
 * Idempotence-Key records. One instance per stand-in, nothing global.
 *
 * Simplified on purpose: payments are one-stage (`capture: true`; no waiting_for_capture), refunds
 * succeed at once (real ones to some methods stay pending for a while), there is no commission
 * (`income_amount` is absent) and pending payments never expire by themselves.
 */

export type TCancellation = { party: string; reason: string };

export type TStoredPayment = {
  id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amountMinor: bigint;
  currency: string;
  description: string | undefined;
  metadata: Record<string, string>;
  returnUrl: string;
  confirmationUrl: string;
  createdAt: Date;
  capturedAt: Date | undefined;
  refundedMinor: bigint;
  cancellation: TCancellation | undefined;
  paymentMethodId: string | undefined;
};

export type TStoredRefund = {
  id: string;
  paymentId: string;
  amountMinor: bigint;
  currency: string;
  description: string | undefined;
  createdAt: Date;
};

export type TLedgerFailure = {
  ok: false;
  status: number;
  code: string;
  description: string;
  parameter?: string;
};
export type TLedgerResult<T> = { ok: true; value: T; changed: boolean } | TLedgerFailure;

type TIdempotencyRecord = { fingerprint: string; status: number; body: unknown; expiresAt: number };

// YooKassa keeps an Idempotence-Key for 24 hours after the first request.
const IDEMPOTENCE_TTL_MS = 24 * 60 * 60 * 1000;

export class YooKassaLedger {
  private readonly payments = new Map<string, TStoredPayment>();
  private readonly refunds = new Map<string, TStoredRefund>();
  private readonly idempotency = new Map<string, TIdempotencyRecord>();

  constructor(
    private readonly opts: { shopId: string; checkoutUrl: (paymentId: string) => string; now?: () => Date },
  ) {}

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  createPayment(req: {
    amountMinor: bigint;
    currency: string;
    description: string | undefined;
    metadata: Record<string, string>;
    returnUrl: string;
  }): TStoredPayment {
    const id = randomUUID();
    const payment: TStoredPayment = {
      ...req,
      id,
      status: 'pending',
      confirmationUrl: this.opts.checkoutUrl(id),
      createdAt: this.now(),
      capturedAt: undefined,
      refundedMinor: 0n,
      cancellation: undefined,
      paymentMethodId: undefined,
    };
    this.payments.set(id, payment);
    return payment;
  }

  getPayment(id: string): TStoredPayment | undefined {
    return this.payments.get(id);
  }

  listPayments(): TStoredPayment[] {
    return [...this.payments.values()];
  }

  /** The user paid. Paying a payment that already succeeded changes nothing. */
  pay(id: string): TLedgerResult<TStoredPayment> {
    const payment = this.payments.get(id);
    if (!payment) return notFound('payment', id);
    if (payment.status === 'succeeded') return { ok: true, value: payment, changed: false };
    if (payment.status === 'canceled') return invalid(`payment ${id} is canceled`, 'payment_id');
    payment.status = 'succeeded';
    payment.capturedAt = this.now();
    payment.paymentMethodId = randomUUID();
    return { ok: true, value: payment, changed: true };
  }

  /** The user gave up (or the bank refused). YooKassa reports who canceled and why. */
  cancel(id: string, cancellation: TCancellation): TLedgerResult<TStoredPayment> {
    const payment = this.payments.get(id);
    if (!payment) return notFound('payment', id);
    if (payment.status === 'canceled') return { ok: true, value: payment, changed: false };
    if (payment.status === 'succeeded') return invalid(`payment ${id} has already succeeded`, 'payment_id');
    payment.status = 'canceled';
    payment.cancellation = cancellation;
    return { ok: true, value: payment, changed: true };
  }

  createRefund(req: {
    paymentId: string;
    amountMinor: bigint;
    currency: string;
    description: string | undefined;
  }): TLedgerResult<TStoredRefund> {
    const payment = this.payments.get(req.paymentId);
    if (!payment) return invalid(`payment ${req.paymentId} does not exist`, 'payment_id');
    if (payment.status !== 'succeeded') {
      return invalid(`only a succeeded payment can be refunded; this one is ${payment.status}`, 'payment_id');
    }
    if (req.currency !== payment.currency)
      return invalid('refund currency differs from the payment', 'amount.currency');
    const left = payment.amountMinor - payment.refundedMinor;
    if (req.amountMinor > left) {
      return invalid(`refund exceeds what is left to refund (${formatMinorUnits(left)})`, 'amount.value');
    }
    payment.refundedMinor += req.amountMinor;
    const refund: TStoredRefund = { ...req, id: randomUUID(), createdAt: this.now() };
    this.refunds.set(refund.id, refund);
    return { ok: true, value: refund, changed: true };
  }

  getRefund(id: string): TStoredRefund | undefined {
    return this.refunds.get(id);
  }

  /** What an earlier request with this key left behind, if it is still within YooKassa's 24 hours. */
  recall(
    key: string,
    fingerprint: string,
  ): { kind: 'new' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'conflict' } {
    const record = this.idempotency.get(key);
    if (!record || record.expiresAt <= this.now().getTime()) return { kind: 'new' };
    return record.fingerprint === fingerprint
      ? { kind: 'replay', status: record.status, body: record.body }
      : { kind: 'conflict' };
  }

  remember(key: string, fingerprint: string, status: number, body: unknown): void {
    this.idempotency.set(key, {
      fingerprint,
      status,
      body,
      expiresAt: this.now().getTime() + IDEMPOTENCE_TTL_MS,
    });
  }

  paymentJson(p: TStoredPayment): Record<string, unknown> {
    const left = p.amountMinor - p.refundedMinor;
    return {
      id: p.id,
      status: p.status,
      paid: p.status === 'succeeded',
      amount: this.amountJson(p.amountMinor, p.currency),
      ...(p.refundedMinor > 0n && { refunded_amount: this.amountJson(p.refundedMinor, p.currency) }),
      ...(p.description !== undefined && { description: p.description }),
      recipient: { account_id: this.opts.shopId, gateway_id: `${this.opts.shopId}0` },
      // The confirmation is only there while the user still has to confirm.
      ...(p.status === 'pending' && {
        confirmation: { type: 'redirect', confirmation_url: p.confirmationUrl, return_url: p.returnUrl },
      }),
      ...(p.paymentMethodId !== undefined && {
        payment_method: { type: 'bank_card', id: p.paymentMethodId, saved: false, title: 'Bank card *4477' },
      }),
      created_at: p.createdAt.toISOString(),
      ...(p.capturedAt && { captured_at: p.capturedAt.toISOString() }),
      metadata: p.metadata,
      ...(p.cancellation && { cancellation_details: p.cancellation }),
      refundable: p.status === 'succeeded' && left > 0n,
      test: true,
    };
  }

  refundJson(r: TStoredRefund): Record<string, unknown> {
    return {
      id: r.id,
      payment_id: r.paymentId,
      status: 'succeeded',
      amount: this.amountJson(r.amountMinor, r.currency),
      created_at: r.createdAt.toISOString(),
      ...(r.description !== undefined && { description: r.description }),
    };
  }

  private amountJson(minor: bigint, currency: string) {
    return { value: formatMinorUnits(minor), currency };
  }
}

/** YooKassa error ids look like UUIDs; any unique string serves the stand-in. */
export function newErrorId(): string {
  return randomBytes(16).toString('hex');
}

function notFound(kind: string, id: string): TLedgerFailure {
  return { ok: false, status: 404, code: 'not_found', description: `${kind} ${id} not found` };
}

function invalid(description: string, parameter: string): TLedgerFailure {
  return { ok: false, status: 400, code: 'invalid_request', description, parameter };
}
