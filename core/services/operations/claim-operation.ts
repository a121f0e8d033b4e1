import type { PrismaClient } from '#core/db/generated/client.ts';

export interface TClaimedOperation {
  key: string;
  operation: string;
  userId: bigint | null;
  payload: unknown;
  /** Including this one. */
  attempts: number;
}

/**
 * Takes a due, pending row for one attempt: one conditional UPDATE, so of two workers woken for the same row
 * only one gets it. The lease (not a transaction held open across the provider call) lets another worker
 * take the row over if this one dies mid-call; the operation is idempotent by key, so that rerun is safe.
 * Times come from the database's clock, the same for every worker.
 */
export async function claimOperation(
  db: PrismaClient,
  id: bigint,
  leaseMs: number,
): Promise<TClaimedOperation | null> {
  const rows = await db.$queryRaw<
    { key: string; operation: string; user_id: bigint | null; payload: unknown; attempts: number }[]
  >`
    UPDATE service_operations
    SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}::double precision), attempts = attempts + 1,
        updated_at = now()
    WHERE id = ${id} AND status = 'pending' AND next_attempt_at <= now()
      AND (lease_until IS NULL OR lease_until < now())
    RETURNING key, operation, user_id, payload, attempts`;
  const row = rows[0];
  if (!row) return null;
  return {
    key: row.key,
    operation: row.operation,
    userId: row.user_id,
    payload: row.payload,
    attempts: row.attempts,
  };
}
