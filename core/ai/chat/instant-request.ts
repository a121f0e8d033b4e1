import { randomUUID } from 'node:crypto';
import { findModel, type TAdminModel } from '#core/ai/models/list-models.ts';
import { isProviderError } from '#core/ai/providers/provider-error.ts';
import type { Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import {
  completeInstantRequest,
  failInstantRequest,
  recordRefusedRequest,
  startInstantRequest,
  type TInstantRequest,
} from './instant-request-log.ts';
import {
  captureCharge,
  chargedAmount,
  openCharge,
  releaseCharge,
  type TCharge,
  type TChargeMode,
} from './request-charge.ts';

export interface TInstantWork<T, R> {
  request: TInstantRequest;
  /** False when no provider is configured for the model: it is then unavailable like a switched-off one. */
  served: boolean;
  /** The provider call; nothing is charged until it returned. */
  run: (requestId: bigint) => Promise<T>;
  /** Writes the result in the transaction that marks the request succeeded; returns what the caller gets. */
  settle: (
    tx: Prisma.TransactionClient,
    done: { requestId: bigint; charged: bigint; value: T },
  ) => Promise<R>;
  /** The request's `result_text` (a transcript). */
  resultText?: (value: T) => string;
}

export interface TInstantOutcome<R> {
  value: R;
  requestId: bigint;
  charged: bigint;
  mode: TChargeMode;
}

export async function usableModel(
  db: PrismaClient,
  modelId: string,
  served: boolean,
  kind: TAdminModel['kind'],
): Promise<TAdminModel> {
  const model = await findModel(db, modelId);
  if (!model || model.kind !== kind || !model.enabled || !served)
    throw new AppError('MODEL_UNAVAILABLE', { modelId });
  return model;
}

/**
 * A request the user waits for (a chat reply, a transcription, speech): model check, charge (openCharge),
 * the `ai_requests` row, the provider call, then capture and the result in one go; on any failure the hold
 * is released and the row records why, so a provider error costs nothing. Refusals (model unavailable, no
 * tokens) are recorded as failed rows too, before anything is held.
 *
 * Provider failures come out as `PROVIDER_ERROR { failure }`; a timeout as failure `timeout`.
 */
export async function runInstantRequest<T, R>(
  db: PrismaClient,
  work: TInstantWork<T, R>,
): Promise<TInstantOutcome<R>> {
  const { request } = work;
  let charge: TCharge;
  try {
    const model = await usableModel(db, request.modelId, work.served, request.kind);
    charge = await openCharge(db, {
      userId: request.userId,
      model,
      holdKey: `ai:${request.kind}:${randomUUID()}`,
    });
  } catch (error) {
    if (isAppError(error, 'MODEL_UNAVAILABLE') || isAppError(error, 'INSUFFICIENT_FUNDS')) {
      const price = typeof error.details.price === 'string' ? BigInt(error.details.price) : 0n;
      await recordRefusedRequest(db, { ...request, price, errorCode: error.code });
    }
    throw error;
  }
  let requestId: bigint | null = null;
  let captured = 0n;
  try {
    const id = (await startInstantRequest(db, { ...request, charge })).id;
    requestId = id;
    const value = await work.run(id);
    const charged = chargedAmount(charge);
    await captureCharge(db, charge, {
      reason: `ai:${request.modelId}`,
      metadata: { requestId: id.toString(), modelId: request.modelId },
    });
    captured = charged;
    const settled = await db.$transaction(async (tx) => {
      const result = await work.settle(tx, { requestId: id, charged, value });
      await completeInstantRequest(tx, id, { charged, resultText: work.resultText?.(value) });
      return result;
    });
    return { value: settled, requestId: id, charged, mode: charge.mode };
  } catch (error) {
    await releaseCharge(db, charge);
    if (requestId !== null) await failInstantRequest(db, requestId, error, captured);
    throw asProviderFailure(error);
  }
}

/**
 * Provider failures and timeouts reach the user as one code, `PROVIDER_ERROR { failure }`: "the model
 * failed, nothing was charged", or, for `failure: 'content_refused'` alone, that the model's content rules
 * refused it.
 */
function asProviderFailure(error: unknown): unknown {
  if (isProviderError(error)) return new AppError('PROVIDER_ERROR', { failure: error.failure });
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new AppError('PROVIDER_ERROR', { failure: 'timeout' });
  return error;
}

/** The provider said its content rules refused the request (core/ai/providers/content-refusal.ts). */
export const isContentRefusal = (error: unknown): error is AppError =>
  isAppError(error, 'PROVIDER_ERROR') && error.details.failure === 'content_refused';
