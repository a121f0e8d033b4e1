import type { AiRequest, PrismaClient } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { capture, release } from '#core/ledger/holds.ts';
import type { Logger } from '#core/logging/logger.ts';
import { announceOutcome, type TAnnounceDeps } from './announce-outcome.ts';
import { resultSlot } from './deliver-result.ts';
import { storeCachedResult } from './generation-cache.ts';
import type { TGenerationFailure } from './generation-delivery.ts';

interface TSettleDeps {
  db: PrismaClient;
  logger: Logger;
}

/**
 * After delivery (recorded by deliver-result.ts): capture the hold (idempotent by key, so a job that dies
 * here and runs again charges once), mark the row succeeded, remember the result for the cache. A hold
 * that is no longer active (expired while a stuck job waited) is not charged: the user got the result late,
 * and we do not take tokens without a hold.
 */
export async function settleSucceeded(deps: TSettleDeps, request: AiRequest): Promise<AiRequest> {
  let charged = 0n;
  if (request.holdKey) {
    try {
      await capture(deps.db, {
        key: request.holdKey,
        amount: request.price,
        reason: `ai:${request.modelId}`,
        metadata: { requestId: request.id.toString(), modelId: request.modelId, cacheHit: request.cacheHit },
      });
      charged = request.price;
    } catch (error) {
      if (!isAppError(error, 'HOLD_NOT_ACTIVE')) throw error;
      deps.logger.warn(
        { requestId: request.id.toString(), ...error.details },
        'delivered without an active hold',
      );
    }
  }
  const finishedAt = new Date();
  await deps.db.aiRequest.updateMany({
    where: { id: request.id, status: { in: ['queued', 'running'] } },
    data: {
      status: 'succeeded',
      charged,
      progress: 100,
      finishedAt,
      deliveredAt: request.deliveredAt ?? finishedAt,
    },
  });
  if (!request.cacheHit && request.cacheKey && request.resultFileId)
    await storeCachedResult(deps.db, {
      key: request.cacheKey,
      modelId: request.modelId,
      resultFileId: request.resultFileId,
    });
  return { ...request, status: 'succeeded', charged, progress: 100, finishedAt };
}

const ROUTINE_FAILURES = new Set<TGenerationFailure>(['content_refused', 'timeout', 'undeliverable']);

/**
 * Gives the tokens back and marks the row failed, once: a second call (a retried job, the worker's
 * last-attempt handler) finds the row already final and does nothing. A hold already captured means the
 * result was delivered and paid for, so the row becomes succeeded instead. Telling the user is
 * announce-outcome.ts's job, after this.
 */
export async function settleFailed(
  deps: TSettleDeps,
  request: AiRequest,
  failure: { code: TGenerationFailure; message: string },
): Promise<'failed' | 'succeeded' | 'already_final'> {
  if (request.holdKey && !(await release(deps.db, request.holdKey))) {
    const hold = await deps.db.hold.findUnique({ where: { key: request.holdKey } });
    if (hold?.status === 'captured') {
      await deps.db.aiRequest.updateMany({
        where: { id: request.id, status: { in: ['queued', 'running'] } },
        data: { status: 'succeeded', charged: hold.amount, progress: 100, finishedAt: new Date() },
      });
      return 'succeeded';
    }
  }
  const changed = await deps.db.aiRequest.updateMany({
    where: { id: request.id, status: { in: ['queued', 'running'] } },
    data: {
      status: 'failed',
      errorCode: failure.code,
      errorMessage: failure.message.slice(0, 1_000),
      finishedAt: new Date(),
    },
  });
  if (changed.count === 0) return 'already_final';
  // A refusal, a timeout or a gone chat is the request's fate; anything else is a provider or us failing,
  // which an operator should see next to the model and the provider.
  const level = ROUTINE_FAILURES.has(failure.code) ? 'info' : 'warn';
  deps.logger[level](
    {
      requestId: request.id.toString(),
      modelId: request.modelId,
      provider: request.provider,
      code: failure.code,
      reason: failure.message,
    },
    'generation failed',
  );
  return 'failed';
}

/**
 * The worker's last word on a request whose job will not run again (attempts used up, stalled too often):
 * settle it and announce it. A result whose first message is known to be in the chat is charged, as a run
 * that got that far would have; one whose send nobody saw the end of is released (in doubt, the user keeps
 * the tokens).
 */
export async function failGeneration(
  deps: TSettleDeps & TAnnounceDeps,
  requestId: bigint,
  failure: { code: TGenerationFailure; message: string },
): Promise<void> {
  const request = await deps.db.aiRequest.findUnique({ where: { id: requestId } });
  if (!request) return;
  if (request.status === 'queued' || request.status === 'running') {
    const inChat =
      request.deliveredAt !== null ||
      (await deps.db.aiRequestMessage.count({
        where: { requestId, slot: resultSlot(0), messageId: { not: null } },
      })) > 0;
    if (inChat) await settleSucceeded(deps, request);
    else await settleFailed(deps, request, failure);
  }
  await announceOutcome(deps, requestId);
}
