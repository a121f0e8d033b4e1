import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { BUY_ROOT } from '#bots/user/buy-callbacks.ts';
import {
  GENERATIONS_PER_HOUR,
  generationQuota,
  type TGenerationQuota,
} from '#core/ai/rate-limit/generation-limit.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { formatLocalTime } from '#core/i18n/format-local-time.ts';

export interface TRefusalView {
  text: string;
  keyboard?: InlineKeyboard;
}

/** The user's hourly generations left now, at their plan's ceiling. */
export async function quotaOf(db: PrismaClient, userId: bigint): Promise<TGenerationQuota> {
  const plan = await aiPlanOf(db, userId);
  return generationQuota(db, { userId, tier: plan.tier });
}

/** "3 of 5 generations left this hour on the free tier.": under every picker, before anything is chosen. */
export const quotaLine = (ctx: UserBotContext, quota: TGenerationQuota): string =>
  ctx.t('limits-quota-left', { left: quota.remaining, limit: quota.limit, tier: quota.tier });

/**
 * The hour's limit is used up: when the next one fits, in the words of the user's tier. The free tier
 * hears what a plan raises it to and gets the shop's button; a subscriber is only told when to come back.
 */
export function limitReachedView(
  ctx: UserBotContext,
  limit: { tier: string; limit: number; retryAt: Date },
): TRefusalView {
  const minutes = Math.max(1, Math.ceil((limit.retryAt.getTime() - Date.now()) / 60_000));
  const text = ctx.t('generate-refused-rate-limited', {
    tier: limit.tier,
    limit: limit.limit,
    minutes,
    // In the zone the Mini App reported, else "14:05 UTC": a bare clock time would read as local.
    time: formatLocalTime(limit.retryAt, { timeZone: ctx.account?.timeZone ?? null, lang: ctx.lang }),
    planLimit: GENERATIONS_PER_HOUR.basic,
  });
  if (limit.tier !== 'free') return { text };
  return { text, keyboard: new InlineKeyboard().text(ctx.t('limits-buy-button'), BUY_ROOT) };
}

/** The refusal to show instead of a picker when nothing is left this hour; null while some are. */
export const spentView = (ctx: UserBotContext, quota: TGenerationQuota): TRefusalView | null =>
  quota.remaining > 0
    ? null
    : limitReachedView(ctx, { tier: quota.tier, limit: quota.limit, retryAt: quota.retryAt ?? new Date() });
