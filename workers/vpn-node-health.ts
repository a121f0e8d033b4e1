import { z } from 'zod';
import { checkNodeHealth } from '#core/vpn/panel-sync/check-node-health.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { panelOrSayOff } from './vpn-job-deps.ts';

export const VPN_NODE_HEALTH_QUEUE = 'vpn-node-health';

/**
 * Warns about offline VPN nodes every two minutes (core/vpn/panel-sync/check-node-health.ts). The nodes
 * are read live by the Mini App, so this is also the node sync: nothing else about them is stored.
 */
export const vpnNodeHealthJob = defineJob({
  id: VPN_NODE_HEALTH_QUEUE,
  data: z.object({}),
  schedules: () => [
    {
      id: VPN_NODE_HEALTH_QUEUE,
      name: 'check',
      every: 2 * 60_000,
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    },
  ],
  async handle(job, ctx) {
    const panel = panelOrSayOff(ctx, VPN_NODE_HEALTH_QUEUE);
    if (!panel) return { off: true };
    return checkNodeHealth({
      panel,
      redis: ctx.redis,
      statusKey: `${ctx.config.REDIS_PREFIX}:vpn:node-status`,
      logger: job.log,
    });
  },
});
