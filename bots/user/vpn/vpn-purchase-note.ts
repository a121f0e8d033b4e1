import type { UserBotContext } from '#bots/shared/context.ts';
import { formatUtc } from '#bots/shared/format.ts';
import type { TProduct } from '#core/catalog/product.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { isPaidTier } from '#core/vpn/plans.ts';
import { planRenewal } from '#core/vpn/subscription/renewal.ts';
import { formatDays } from './vpn-format.ts';

/**
 * What buying a VPN plan does to the user's subscription, shown before the payment method (the shop's
 * bots/user/features/buy.ts calls this for every product): from planRenewal, the rule the payment applies.
 * Empty for anything that is not a plan.
 */
export async function vpnPurchaseNote(
  ctx: UserBotContext,
  db: PrismaClient,
  product: TProduct,
  now = new Date(),
): Promise<string> {
  const { kind, tier, days } = product.fulfilment;
  if (kind !== 'vpn.plan' || typeof tier !== 'string' || !isPaidTier(tier) || typeof days !== 'number')
    return '';
  if (!ctx.account) return '';
  const current = await db.vpnSubscription.findUnique({
    where: { userId: ctx.account.id },
    select: { tier: true, expiresAt: true },
  });
  const renewal = planRenewal(current, { tier, days }, now);
  const until = formatUtc(renewal.expiresAt);
  const tierName = (t: string) => ctx.t(`vpn-tier-${t}`);
  if (renewal.conversion)
    return `\n\n${ctx.t('vpn-renewal-change', {
      daysLeft: formatDays(renewal.conversion.daysLeft, ctx.lang),
      fromTier: tierName(renewal.conversion.fromTier),
      convertedDays: formatDays(renewal.conversion.convertedDays, ctx.lang),
      toTier: tierName(tier),
      until,
    })}`;
  if (renewal.startsAt.getTime() > now.getTime()) return `\n\n${ctx.t('vpn-renewal-extend', { until })}`;
  return `\n\n${ctx.t('vpn-renewal-new', { until })}`;
}
