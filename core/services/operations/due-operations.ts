import type { PrismaClient } from '#core/db/generated/client.ts';

/**
 * Rows whose next attempt is due and that nobody holds: the sweeper's list. A row's job can be lost (Redis
 * flushed, the worker down when the payment committed, NOTIFY missed while reconnecting); the row cannot.
 */
export async function dueOperations(db: PrismaClient, limit = 500): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM service_operations
    WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
    ORDER BY next_attempt_at
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
