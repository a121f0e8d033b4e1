import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { expireDueGrants } from '#core/ledger/expire-grants.ts';
import { expireHolds } from '#core/ledger/holds.ts';
import { settlePlatformAccounts } from '#core/ledger/settle-platform-accounts.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export const LEDGER_MAINTENANCE_QUEUE = 'ledger-maintenance';

export interface LedgerMaintenanceDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  everyMs?: number;
  /** How often deferred platform accounts are settled; their balances lag by at most this much. */
  settleEveryMs?: number;
}

/**
 * Expires due token grants (one `expiry` transaction per grant) and releases holds nobody captured. Both
 * are idempotent, so overlapping runs in several worker processes do no harm; spends also expire a user's
 * due grants themselves, so this job only keeps balances and reports current between spends. A second,
 * more frequent schedule settles the deferred platform accounts (core/ledger/settle-platform-accounts.ts).
 */
export async function startLedgerMaintenance(deps: LedgerMaintenanceDeps) {
  const queue = new Queue(LEDGER_MAINTENANCE_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    'ledger-maintenance',
    { every: deps.everyMs ?? 60_000 },
    { name: 'expire', opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  await queue.upsertJobScheduler(
    'ledger-settlement',
    { every: deps.settleEveryMs ?? 5_000 },
    { name: 'settle', opts: { removeOnComplete: 10, removeOnFail: 100 } },
  );
  const worker = new Worker(
    LEDGER_MAINTENANCE_QUEUE,
    async (job) => {
      if (job.name === 'settle') return { settled: await settlePlatformAccounts(deps.db) };
      const now = new Date();
      const grants = await expireDueGrants(deps.db, now);
      const holds = await expireHolds(deps.db, now);
      if (grants > 0 || holds > 0) {
        deps.logger.info({ jobId: job.id, queue: LEDGER_MAINTENANCE_QUEUE, grants, holds }, 'expired');
      }
      return { grants, holds };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  return {
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
