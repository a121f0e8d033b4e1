import { z } from 'zod';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { defineFulfilment, NOTHING_REVERSED, type TReverseContext } from '#core/services/service-module.ts';
import { GB } from '../plans.ts';
import { lockSubscription, requestPanelSync, tierTerms } from '../subscription/subscription-store.ts';

/**
 * Add-ons land on the subscription row. The shop offers them only with an active plan; one bought anyway (a
 * plan that lapsed between the offer and the payment) is kept on the row and counts once a plan is bought.
 */
async function addToSubscription(
  tx: TTx,
  userId: bigint,
  now: Date,
  change: { extraTrafficBytes?: bigint; extraDevices?: number },
) {
  const current = await lockSubscription(tx, userId);
  if (!current)
    return tx.vpnSubscription.create({
      data: { userId, ...tierTerms('basic'), expiresAt: now, ...change },
    });
  return tx.vpnSubscription.update({
    where: { userId },
    data: {
      extraTrafficBytes: { increment: change.extraTrafficBytes ?? 0n },
      extraDevices: { increment: change.extraDevices ?? 0 },
      version: { increment: 1 },
    },
  });
}

/** What a refund of an add-on takes back: its share of the add-on, never below nothing. */
async function takeBack(
  tx: TTx,
  ctx: TReverseContext<unknown>,
  change: { extraTrafficBytes?: bigint; extraDevices?: number },
) {
  const current = await lockSubscription(tx, ctx.payment.userId);
  if (!current) return NOTHING_REVERSED;
  const share = (whole: bigint) => (whole * ctx.refund.amount) / (ctx.payment.amount || 1n);
  const traffic = change.extraTrafficBytes ? share(change.extraTrafficBytes) : 0n;
  const devices = change.extraDevices && ctx.refund.full ? change.extraDevices : 0;
  const row = await tx.vpnSubscription.update({
    where: { userId: ctx.payment.userId },
    data: {
      extraTrafficBytes: current.extraTrafficBytes > traffic ? current.extraTrafficBytes - traffic : 0n,
      extraDevices: Math.max(0, current.extraDevices - devices),
      version: { increment: 1 },
    },
  });
  await requestPanelSync(tx, {
    userId: ctx.payment.userId,
    version: row.version,
    reason: 'sync',
    key: `refund:${ctx.refund.id}:vpn.sync`,
  });
  return {
    ...NOTHING_REVERSED,
    details: { vpnTrafficRemoved: String(traffic), vpnDevicesRemoved: String(devices) },
  };
}

export const vpnTrafficFulfilment = defineFulfilment({
  kind: 'vpn.traffic',
  params: z.object({ gb: z.number().int().positive().max(10_000) }),
  async fulfil(tx, { payment, params, now, afterCommit }) {
    await addToSubscription(tx, payment.userId, now, { extraTrafficBytes: BigInt(params.gb) * GB });
    await afterCommit({
      operation: 'vpn.provision',
      key: `payment:${payment.id}:vpn.provision`,
      payload: { userId: payment.userId.toString() },
    });
  },
  reverse: (tx, ctx) => takeBack(tx, ctx, { extraTrafficBytes: BigInt(ctx.params.gb) * GB }),
});

export const vpnDeviceFulfilment = defineFulfilment({
  kind: 'vpn.device',
  params: z.object({ devices: z.number().int().positive().max(20) }),
  async fulfil(tx, { payment, params, now, afterCommit }) {
    await addToSubscription(tx, payment.userId, now, { extraDevices: params.devices });
    await afterCommit({
      operation: 'vpn.provision',
      key: `payment:${payment.id}:vpn.provision`,
      payload: { userId: payment.userId.toString() },
    });
  },
  reverse: (tx, ctx) => takeBack(tx, ctx, { extraDevices: ctx.params.devices }),
});
