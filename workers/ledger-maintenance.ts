import { z } from 'zod';
import { expireDueGrants } from '#core/ledger/expire-grants.ts';
import { expireHolds } from '#core/ledger/holds.ts';
import { settlePlatformAccounts } from '#core/ledger/settle-platform-accounts.ts';
import { pruneNotificationSends } from '#core/notify/prune-notification-sends.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const LEDGER_MAINTENANCE_QUEUE = 'ledger-maintenance';
export const LEDGER_EXPIRY_SCHEDULER = 'ledger-maintenance';
export const LEDGER_SETTLEMENT_SCHEDULER = 'ledger-settlement';
export const NOTIFICATION_SENDS_PRUNE_SCHEDULER = 'notification-sends-prune';

/**
 * Expires due token grants (one `expiry` transaction per grant) and releases holds nobody captured. Both
 * are idempotent, so overlapping runs in several worker processes do no harm; spends also expire a user's
 * due grants themselves, so this job only keeps balances and reports current between spends. A second,
 * more frequent schedule settles the deferred platform accounts (core/ledger/settle-platform-accounts.ts):
 * their balances lag by at most its interval. A daily one keeps the notify worker's send journal to a week
 * (core/notify/prune-notification-sends.ts): it only needs the rows of jobs that may still run again.
 */
export const ledgerMaintenanceJob = defineJob({
  id: LEDGER_MAINTENANCE_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: LEDGER_EXPIRY_SCHEDULER,
      name: 'expire',
      every: 60_000,
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
    {
      id: LEDGER_SETTLEMENT_SCHEDULER,
      name: 'settle',
      every: 5_000,
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    },
    {
      id: NOTIFICATION_SENDS_PRUNE_SCHEDULER,
      name: 'prune-notification-sends',
      every: 24 * 3600_000,
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    },
  ],
  async handle(job, ctx) {
    if (job.name === 'settle') return { settled: await settlePlatformAccounts(ctx.db) };
    if (job.name === 'prune-notification-sends')
      return { pruned: await pruneNotificationSends(ctx.db, { now: new Date() }) };
    const now = new Date();
    const grants = await expireDueGrants(ctx.db, now);
    const holds = await expireHolds(ctx.db, now);
    if (grants > 0 || holds > 0) job.log.info({ grants, holds }, 'expired');
    return { grants, holds };
  },
});
