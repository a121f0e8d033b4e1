import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { claimPromoCode } from '#core/referrals/claim-promo-code.ts';
import {
  describePromoScope,
  describePromoTerms,
  PROMO_REFUSAL_KEYS,
} from '#core/referrals/describe-promo.ts';
import type { TPromoRefusal } from '#core/referrals/promo-rules.ts';

/** `/promo CODE`: a bonus is credited at once; a discount waits for the next purchase (see /buy). */
export function promoFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  feature.chatType('private').command('promo', async (ctx) => {
    const account = ctx.account;
    const code = ctx.match.trim();
    if (!account || !code) return ctx.reply(ctx.t('promo-usage'));
    const lang = account.language;
    try {
      const result = await claimPromoCode(deps.db, { userId: account.id, code });
      const shown = result.promo.code;
      const t = (key: string, args?: Record<string, string>) => ctx.t(key, args);
      if (result.kind === 'bonus') {
        return ctx.reply(
          ctx.t('promo-bonus-credited', {
            code: shown,
            tokens: formatTokens(result.tokens, lang),
            balance: formatTokens(result.balance, lang),
          }),
        );
      }
      const saved = ctx.t('promo-discount-saved', {
        code: shown,
        terms: describePromoTerms(t, result.promo, lang),
        scope: describePromoScope(t, result.promo),
      });
      return ctx.reply(result.replaced ? `${saved}\n${ctx.t('promo-discount-replaced')}` : saved);
    } catch (error) {
      if (!isAppError(error, 'PROMO_REFUSED')) throw error;
      const reason = error.details.reason as TPromoRefusal;
      return ctx.reply(ctx.t(PROMO_REFUSAL_KEYS[reason] ?? 'promo-refused-not-found'));
    }
  });
  return feature;
}
