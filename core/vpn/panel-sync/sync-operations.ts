import { z } from 'zod';
import { defineOperation, type TOperationContext } from '#core/services/service-module.ts';
import { panelFromEnv, vpnConfigOf } from './panel-from-env.ts';
import { syncPanelUser } from './sync-panel-user.ts';

const ZPayloadSchema = z.object({ userId: z.string().regex(/^\d{1,19}$/) });

async function perform(ctx: TOperationContext, op: { payload: z.infer<typeof ZPayloadSchema> }) {
  const config = vpnConfigOf(ctx.env);
  const panel = panelFromEnv(config);
  // Retried (and visible on the row) until the operator configures the panel: the user has paid.
  if (!panel) throw new Error('the VPN panel is not configured (REMNAWAVE_URL)');
  const result = await syncPanelUser(
    { db: ctx.db, panel, squadNames: config.VPN_SQUADS },
    BigInt(op.payload.userId),
  );
  return { subscriptionUrl: result.subscriptionUrl, until: result.until, panelUserId: result.panelUserId };
}

/** After a payment, the trial or a bonus: the panel user is created or updated, and the user told it is ready. */
export const vpnProvisionOperation = defineOperation({
  name: 'vpn.provision',
  payload: ZPayloadSchema,
  perform,
  doneNoticeKey: 'vpn-ready',
});

/** After a change the user did not ask for (a refund, an admin's action): the panel follows, silently. */
export const vpnSyncOperation = defineOperation({ name: 'vpn.sync', payload: ZPayloadSchema, perform });
