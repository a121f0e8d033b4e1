import { z } from 'zod';
import { runAutoRenew } from '#core/vpn/auto-renew/run-auto-renew.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const VPN_AUTO_RENEW_QUEUE = 'vpn-auto-renew';
/** Well inside the 10 minutes before expiry at which a renewal is charged (core/vpn/auto-renew/). */
const EVERY_MS = 5 * 60_000;

/**
 * Renews VPN subscriptions from the wallet and sends the reminders before it (core/vpn/auto-renew/). Safe
 * to run twice or on two workers: each period is charged under its own key and each notice claimed once.
 */
export const vpnAutoRenewJob = defineJob({
  id: VPN_AUTO_RENEW_QUEUE,
  data: z.object({}).loose(),
  concurrency: 1,
  schedules: () => [
    { id: 'vpn-auto-renew', name: 'scan', every: EVERY_MS, opts: { removeOnComplete: 20, removeOnFail: 50 } },
  ],
  async handle(job, ctx) {
    const run = await runAutoRenew({ db: ctx.db, queue: ctx.notifyQueue, translator: ctx.translator });
    if (run.failed.length > 0)
      job.log.error(
        { failed: run.failed.map((f) => ({ userId: f.userId.toString(), error: f.error })) },
        'VPN auto-renewals that failed, tried again next run',
      );
    return { reminded: run.reminded, renewed: run.renewed, noFunds: run.noFunds, failed: run.failed.length };
  },
});
