import { z } from 'zod';
import { panelUserPagesFromEnv } from '#core/vpn/panel-sync/stream-panel-users.ts';
import { syncPanelUsage } from '#core/vpn/panel-sync/sync-panel-usage.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { noticeDepsOf, panelOrSayOff } from './vpn-job-deps.ts';

export const VPN_TRAFFIC_SYNC_QUEUE = 'vpn-traffic-sync';

/**
 * Usage from the panel into our rows (traffic, first connection, last online), and the traffic and
 * "it works" notices it calls for (core/vpn/panel-sync/sync-panel-usage.ts). Stores absolute values and
 * claims each notice once, so a repeated or overlapping run does no harm.
 */
export const vpnTrafficSyncJob = defineJob({
  id: VPN_TRAFFIC_SYNC_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: VPN_TRAFFIC_SYNC_QUEUE,
      name: 'sync',
      every: 10 * 60_000,
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    },
  ],
  // Tens of thousands of users are a few hundred pages: more than the default 30 s lock.
  locks: { durationMs: 5 * 60_000 },
  async handle(job, ctx) {
    const pages = panelOrSayOff(ctx, VPN_TRAFFIC_SYNC_QUEUE) && panelUserPagesFromEnv(ctx.config);
    if (!pages) return { off: true };
    const result = await syncPanelUsage({ ...noticeDepsOf(ctx), pages });
    if (result.sent > 0) job.log.info(result, 'VPN usage notices sent');
    return result;
  },
});
