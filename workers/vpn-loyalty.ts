import { z } from 'zod';
import { notifyInviteRewards } from '#core/vpn/invites/notify-invite-rewards.ts';
import { scanLoyalty } from '#core/vpn/loyalty/scan-loyalty.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { noticeDepsOf } from './vpn-job-deps.ts';

export const VPN_LOYALTY_QUEUE = 'vpn-loyalty';

/**
 * VPN loyalty levels, their bonus days and notices (core/vpn/loyalty/), and the inviters' "your friend paid"
 * notices (core/vpn/invites/notify-invite-rewards.ts), hourly: levels change when a paid
 * month starts and the grace warning is days ahead, so an hour late is on time. It needs no panel (bonus
 * days reach the panel through the usual after-commit sync). Idempotent: levels and warnings are claimed once.
 */
export const vpnLoyaltyJob = defineJob({
  id: VPN_LOYALTY_QUEUE,
  data: z.object({}).loose(),
  concurrency: 1,
  schedules: () => [
    {
      id: VPN_LOYALTY_QUEUE,
      name: 'scan',
      every: 3_600_000,
      opts: { removeOnComplete: 10, removeOnFail: 50 },
    },
  ],
  async handle(job, ctx) {
    const result = await scanLoyalty(noticeDepsOf(ctx));
    const inviteRewardsTold = await notifyInviteRewards(noticeDepsOf(ctx));
    if (result.failed.length > 0)
      job.log.error(
        { failed: result.failed.map((f) => ({ userId: f.userId.toString(), error: f.error })) },
        'VPN loyalty updates that failed, tried again next run',
      );
    if (result.levelsReached > 0 || result.graceWarned > 0)
      job.log.info({ ...result, failed: undefined }, 'VPN loyalty');
    return { ...result, failed: result.failed.length, inviteRewardsTold };
  },
});
