import type { VpnSubscription } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { requestOperation } from '#core/services/operations/request-operation.ts';
import { GB, TIERS, type TVpnTier } from '../plans.ts';

/**
 * The user's subscription row, locked for the rest of the transaction (two payments of one user, or a payment
 * and an admin's extension, apply one after the other), or null.
 */
export async function lockSubscription(tx: TTx, userId: bigint): Promise<VpnSubscription | null> {
  const rows = await tx.$queryRaw<{ user_id: bigint }[]>`
    SELECT user_id FROM vpn_subscriptions WHERE user_id = ${userId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.vpnSubscription.findUniqueOrThrow({ where: { userId } });
}

/** A tier's limits as the row stores them. */
export function tierTerms(tier: TVpnTier) {
  const spec = TIERS[tier];
  return {
    tier,
    trafficLimitBytes: BigInt(spec.trafficGb) * GB,
    trafficStrategy: spec.trafficStrategy,
    deviceLimit: spec.devices,
    squads: [...spec.squads],
  };
}

export type TPanelSyncReason = 'provision' | 'sync';

/**
 * Asks the worker to bring the panel user in line with the row (core/vpn/panel-sync/sync-panel-user.ts), once
 * this transaction commits. `provision` tells the user when it is done ("your VPN is ready"); `sync` is
 * silent (an admin's change, a refund). The key names the row's version, so every change is pushed once and
 * a repeat of the same change asks nothing new.
 */
export async function requestPanelSync(
  tx: TTx,
  input: {
    userId: bigint;
    version: number;
    reason: TPanelSyncReason;
    paymentId?: bigint | null;
    key?: string;
  },
): Promise<void> {
  await requestOperation(tx, {
    operation: input.reason === 'provision' ? 'vpn.provision' : 'vpn.sync',
    key: input.key ?? `vpn:${input.userId}:v${input.version}`,
    payload: { userId: input.userId.toString() },
    userId: input.userId,
    paymentId: input.paymentId ?? null,
  });
}
