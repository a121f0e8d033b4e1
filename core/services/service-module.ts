import type { z } from 'zod';
import type { TProduct } from '#core/catalog/product.ts';
import type { Payment, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import type { TErrorCatalog } from '#core/errors/error-catalog.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import type { Logger } from '#core/logging/logger.ts';

/**
 * The service contract: a plain-data module per service (core/<service>/service.ts) that lists what the
 * shared pipelines need from it. The registry (core/services/registry.ts) is the one place that lists the
 * services; payments, refunds, the worker and the adapters iterate it instead of naming services.
 */
export interface TServiceModule {
  /** Stable id, stored on payment snapshots (`product.service`). */
  id: string;
  /** What the service sells; each product's `fulfilment.kind` must be one of `fulfilments` (or `tokens.pack`). */
  products: readonly TProduct[];
  /** How the service's products are delivered and taken back. */
  fulfilments: readonly TFulfilmentKind[];
  /** Outside calls a fulfilment asks for, performed after the payment commits (core/services/operations/). */
  operations?: readonly TServiceOperation[];
  /** The service's own error codes (core/<service>/errors.ts): status and messages of each. */
  errors?: TErrorCatalog;
  /**
   * The service's own environment variables (a zod object shape), merged into the one env schema
   * (core/config/env.ts); a bad value stops start-up like any other variable's.
   */
  env?: z.core.$ZodShape;
}

/** What a fulfilment sees inside the transaction that marks a payment paid. */
export interface TFulfilContext<P> {
  payment: Payment;
  params: P;
  now: Date;
  /**
   * Asks for an outside side effect (a panel account, a marketplace listing, an order) once this
   * transaction commits: an outbox row written in the same transaction, performed by the worker, idempotent
   * by `key`. A payment is never rolled back because a provider is down.
   */
  afterCommit(request: { operation: string; key: string; payload: Prisma.InputJsonValue }): Promise<void>;
}

/** What a reversal sees inside the refund's transaction. */
export interface TReverseContext<P> {
  payment: Payment;
  params: P;
  refund: {
    id: bigint;
    /** This refund's amount, and the payment's refunded total before and after it (minor units). */
    amount: bigint;
    refundedBefore: bigint;
    refundedAfter: bigint;
    /** The whole payment is refunded now: time-limited rights end. */
    full: boolean;
  };
  actor: { type: 'admin'; id: bigint };
  reason: string;
  now: Date;
}

/** What a reversal took back, for the refund row and the audit log. */
export interface TReversal {
  tokensClawedBack: bigint;
  /** Tokens due back that had already been spent: recorded, never taken by driving a balance negative. */
  tokensShortfall: bigint;
  /** Anything else it did, for the audit row (plain strings). */
  details?: Record<string, string>;
}

export const NOTHING_REVERSED: TReversal = { tokensClawedBack: 0n, tokensShortfall: 0n };

/** One way of delivering a product: fulfil inside the payment transaction, reverse inside a refund's. */
export interface TFulfilmentKind<P = unknown> {
  kind: string;
  /** The fulfilment's parameters as stored on the product snapshot. */
  params: z.ZodType<P>;
  fulfil(tx: TTx, ctx: TFulfilContext<P>): Promise<void>;
  reverse(tx: TTx, ctx: TReverseContext<P>): Promise<TReversal>;
}

/** Builds a fulfilment kind with its parameter type checked against its schema. */
export const defineFulfilment = <P>(kind: TFulfilmentKind<P>): TFulfilmentKind => kind as TFulfilmentKind;

/** What an after-commit operation gets from the worker. */
export interface TOperationContext {
  db: PrismaClient;
  logger: Logger;
  /** The process environment as parsed by core/config/env.ts (services' fragments included). */
  env: Readonly<Record<string, unknown>>;
}

/** An outside side effect requested by a fulfilment and performed after commit, retried until it succeeds. */
export interface TServiceOperation<P = unknown> {
  /** `<service>.<verb>`, e.g. `vpn.provision`. */
  name: string;
  payload: z.ZodType<P>;
  /**
   * Performs the effect. It must be idempotent by `key` (a crash after the outside call and before the row is
   * marked done runs it again): look the effect up first, or pass `key` to the provider as its idempotency key.
   * Returns what to keep on the row (ids the provider gave); throws to be retried later.
   */
  perform(
    ctx: TOperationContext,
    op: { id: bigint; key: string; userId: bigint | null; payload: P; attempt: number },
  ): Promise<Prisma.InputJsonValue>;
  /** Fluent key of the message the user gets when it is done (args: the result's string fields). */
  doneNoticeKey?: string;
}

export const defineOperation = <P>(operation: TServiceOperation<P>): TServiceOperation =>
  operation as TServiceOperation;
