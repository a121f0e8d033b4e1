import { z } from 'zod';
import { scanExpiryNotices } from '#core/vpn/notices/scan-expiry-notices.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { noticeDepsOf, panelOrSayOff } from './vpn-job-deps.ts';

export const VPN_EXPIRY_SCAN_QUEUE = 'vpn-expiry-scan';

/**
 * The expiry reminders when the panel's webhooks are off or lost (core/vpn/notices/scan-expiry-notices.ts).
 * Idempotent: every notice is claimed once per period, so overlapping runs or a webhook that also fired
 * send nothing twice.
 */
export const vpnExpiryScanJob = defineJob({
  id: VPN_EXPIRY_SCAN_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: VPN_EXPIRY_SCAN_QUEUE,
      name: 'scan',
      every: 5 * 60_000,
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    },
  ],
  async handle(job, ctx) {
    if (!panelOrSayOff(ctx, VPN_EXPIRY_SCAN_QUEUE)) return { off: true };
    const result = await scanExpiryNotices(noticeDepsOf(ctx));
    if (result.sent > 0) job.log.info(result, 'VPN expiry notices sent');
    return result;
  },
});
