import { z } from 'zod';
import { defineFulfilment, NOTHING_REVERSED } from '#core/services/service-module.ts';
import { rewardReferrer } from '../bonuses/referral-days.ts';
import { rewardInviter } from '../invites/reward-inviter.ts';
import { PAID_TIERS } from '../plans.ts';
import { planRenewal } from '../subscription/renewal.ts';
import { shortenForRefund } from '../subscription/shorten-for-refund.ts';
import { lockSubscription, requestPanelSync } from '../subscription/subscription-store.ts';

export const ZVpnPlanParamsSchema = z.object({
  tier: z.enum(PAID_TIERS),
  days: z.number().int().positive().max(3660),
  trafficGb: z.number().int().min(0),
  trafficStrategy: z.enum(['NO_RESET', 'DAY', 'WEEK', 'MONTH']),
  devices: z.number().int().min(1).max(100),
  /** Server groups, comma-separated (a product's parameters are flat). */
  squads: z.string().regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/),
});

const GB = 1024n ** 3n;

/**
 * A VPN plan: days of a tier (core/vpn/subscription/renewal.ts says from when), the tier's limits, and the
 * panel user brought in line after commit. A user's first paid period rewards their referrer.
 */
export const vpnPlanFulfilment = defineFulfilment({
  kind: 'vpn.plan',
  params: ZVpnPlanParamsSchema,
  async fulfil(tx, { payment, params, now, afterCommit }) {
    const userId = payment.userId;
    const current = await lockSubscription(tx, userId);
    const renewal = planRenewal(current, params, now);
    const terms = {
      tier: params.tier,
      expiresAt: renewal.expiresAt,
      trafficLimitBytes: BigInt(params.trafficGb) * GB,
      trafficStrategy: params.trafficStrategy,
      deviceLimit: params.devices,
      squads: params.squads.split(','),
    };
    if (current)
      await tx.vpnSubscription.update({ where: { userId }, data: { ...terms, version: { increment: 1 } } });
    else await tx.vpnSubscription.create({ data: { userId, ...terms } });
    // Bought from the wallet or through a provider, it is a paid period either way.
    const firstPaid =
      (await tx.vpnPeriod.count({ where: { userId, source: { in: ['paid', 'wallet'] } } })) === 0;
    await tx.vpnPeriod.create({
      data: {
        userId,
        source: payment.provider === 'wallet' ? 'wallet' : 'paid',
        tier: params.tier,
        productId: payment.productId,
        paymentId: payment.id,
        days: params.days,
        startsAt: renewal.startsAt,
        endsAt: renewal.expiresAt,
      },
    });
    await afterCommit({
      operation: 'vpn.provision',
      key: `payment:${payment.id}:vpn.provision`,
      payload: { userId: userId.toString() },
    });
    if (firstPaid) await rewardReferrer(tx, { buyerId: userId, paymentId: payment.id, now });
    await rewardInviter(tx, { buyerId: userId, paymentId: payment.id, now });
  },
  async reverse(tx, ctx) {
    const shortened = await shortenForRefund(tx, ctx);
    if (!shortened) return NOTHING_REVERSED;
    await requestPanelSync(tx, {
      userId: ctx.payment.userId,
      version: shortened.version,
      reason: 'sync',
      key: `refund:${ctx.refund.id}:vpn.sync`,
    });
    return {
      ...NOTHING_REVERSED,
      details: {
        vpnDaysRemoved: String(shortened.daysRemoved),
        vpnExpiresAt: shortened.expiresAt.toISOString(),
      },
    };
  },
});
