import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { addWayInButtons, wayInLines } from '#bots/user/way-in-view.ts';
import { cheapestWayIn } from '#core/ai/cheapest-way-in.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { limitReachedView, type TRefusalView } from './generation-quota.ts';

const USAGE_KEYS: Record<string, string> = {
  image: 'generate-usage-image',
  video: 'generate-usage-video',
  audio: 'generate-usage-music',
};

/**
 * The message for a refused generation, in the user's language; null for an error that is not a refusal
 * (the error boundary answers those). A rate limit says when the next request fits, in the words of the
 * user's tier; a shortfall says what it costs and points to the cheapest ways in, with buttons.
 */
export async function refusalView(
  ctx: UserBotContext,
  deps: { db: PrismaClient; advertisedPromos: readonly string[] },
  error: unknown,
  request: { modelId: string; price?: bigint },
): Promise<TRefusalView | null> {
  if (!isAppError(error)) return null;
  const lang = ctx.lang;
  const model = findCatalogModel(request.modelId);
  const name = model?.displayName ?? request.modelId;
  switch (error.code) {
    case 'RATE_LIMITED': {
      const retryAt = error.details.retryAt instanceof Date ? error.details.retryAt : new Date();
      const tier = String(error.details.tier ?? '');
      return limitReachedView(ctx, { tier, limit: Number(error.details.limit ?? 0), retryAt });
    }
    case 'INSUFFICIENT_FUNDS': {
      const wallet = ctx.account ? await getWallet(deps.db, ctx.account.id) : null;
      const shortfall = ctx.t('generate-refused-funds', {
        price: formatTokens(request.price ?? model?.tokenPrice ?? 0n, lang),
        available: formatTokens(wallet?.tokens.available ?? 0n, lang),
      });
      if (!ctx.account) return { text: shortfall };
      const wayIn = await cheapestWayIn(deps.db, {
        userId: ctx.account.id,
        advertisedPromos: deps.advertisedPromos,
      });
      const tr = ctx.t.bind(ctx);
      return {
        text: [shortfall, wayInLines(tr, lang, wayIn).join('\n')].join('\n\n'),
        keyboard: addWayInButtons(new InlineKeyboard(), tr, lang, wayIn),
      };
    }
    case 'MODEL_UNAVAILABLE':
    case 'MODEL_NOT_FOUND':
      return { text: ctx.t('generate-refused-model-off', { model: name }) };
    case 'FILE_TOO_LARGE':
    case 'IMAGE_TOO_LARGE':
      return { text: ctx.t('generate-photo-too-large') };
    case 'FILE_TYPE_MISMATCH':
    case 'FILE_TYPE_NOT_ALLOWED':
      return { text: ctx.t('generate-photo-gone') };
    case 'INVALID_INPUT': {
      if (error.details.reason === 'prompt_too_long')
        return { text: ctx.t('generate-refused-prompt-too-long', { max: Number(error.details.max ?? 0) }) };
      const usage = model && model.id === 'tts' ? 'generate-usage-tts' : USAGE_KEYS[model?.kind ?? ''];
      if (error.details.reason === 'prompt_required' && usage) return { text: ctx.t(usage) };
      return { text: ctx.t('generate-refused-invalid') };
    }
    default:
      return null;
  }
}
