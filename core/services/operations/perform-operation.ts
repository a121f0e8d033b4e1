import type { Prisma, PrismaClient } from '#core/db/generated/client.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { TServiceRegistry } from '#core/services/registry.ts';
import type { TOperationContext } from '#core/services/service-module.ts';
import { claimOperation } from './claim-operation.ts';
import { retryDelayMs } from './retry-delay.ts';

export interface TPerformDeps {
  db: PrismaClient;
  logger: Logger;
  env: TOperationContext['env'];
  registry: TServiceRegistry;
  /** Base of the exponential backoff between attempts (tests shorten it). */
  retryBaseMs?: number;
  /** How long a worker holds a row while it calls the provider; another may take it afterwards. */
  leaseMs?: number;
  /** Tells the user the service is ready (the worker sends it through the notify queue). */
  onDone?: (done: { id: bigint; userId: bigint | null; noticeKey: string; result: unknown }) => Promise<void>;
}

/** A provider that keeps failing for three days is a case for the staff, not for more retries. */
export const MAX_ATTEMPTS = 40;

export type TPerformOutcome = 'done' | 'retry' | 'failed' | 'not-due';

/**
 * Performs one outbox row, if it is due and nobody else holds it. Success marks it done (only while still
 * pending, so a late second worker cannot overwrite it); a failure moves the next attempt back, and an
 * operation that can never succeed (unknown name, payload its schema refuses) fails at once.
 */
export async function performOperation(deps: TPerformDeps, id: bigint): Promise<TPerformOutcome> {
  const row = await claimOperation(deps.db, id, deps.leaseMs ?? 5 * 60_000);
  if (!row) return 'not-due';
  const log = deps.logger.child({
    operationId: id.toString(),
    operation: row.operation,
    attempt: row.attempts,
  });
  const operation = deps.registry.operation(row.operation);
  const payload = operation?.payload.safeParse(row.payload);
  if (!operation || !payload?.success) {
    const reason = operation ? `payload refused: ${payload?.error?.message}` : 'unknown operation';
    await finish(deps.db, id, { status: 'failed', lastError: reason });
    log.error({ reason }, 'service operation cannot run');
    return 'failed';
  }
  let result: Prisma.InputJsonValue;
  try {
    result = await operation.perform(
      { db: deps.db, logger: log, env: deps.env },
      { id, key: row.key, userId: row.userId, payload: payload.data, attempt: row.attempts },
    );
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (row.attempts >= MAX_ATTEMPTS) {
      await finish(deps.db, id, { status: 'failed', lastError: message });
      log.error({ err: message }, 'service operation gave up');
      return 'failed';
    }
    const delay = retryDelayMs(row.attempts, deps.retryBaseMs);
    await deps.db.$executeRaw`
      UPDATE service_operations
      SET last_error = ${message}, lease_until = NULL,
          next_attempt_at = now() + make_interval(secs => ${delay / 1000}::double precision), updated_at = now()
      WHERE id = ${id} AND status = 'pending'`;
    log.warn({ err: message, retryInMs: delay }, 'service operation failed, will retry');
    return 'retry';
  }
  const marked = await finish(deps.db, id, { status: 'done', result });
  if (marked && operation.doneNoticeKey && deps.onDone) {
    await deps.onDone({ id, userId: row.userId, noticeKey: operation.doneNoticeKey, result });
  }
  log.info('service operation done');
  return 'done';
}

async function finish(
  db: PrismaClient,
  id: bigint,
  outcome: { status: 'done'; result: Prisma.InputJsonValue } | { status: 'failed'; lastError: string },
): Promise<boolean> {
  const updated = await db.serviceOperation.updateMany({
    where: { id, status: 'pending' },
    data:
      outcome.status === 'done'
        ? { status: 'done', result: outcome.result, doneAt: new Date(), leaseUntil: null, lastError: null }
        : { status: 'failed', lastError: outcome.lastError, leaseUntil: null },
  });
  return updated.count > 0;
}
