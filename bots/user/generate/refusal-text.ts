import type { UserBotContext } from '#bots/shared/context.ts';
import { formatUtc } from '#bots/shared/format.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { formatTokens } from '#core/money/format-money.ts';

const USAGE_KEYS: Record<string, string> = {
  image: 'generate-usage-image',
  video: 'generate-usage-video',
  audio: 'generate-usage-music',
};

/**
 * The message for a refused generation, in the user's language; null for an error that is not a refusal
 * (the error boundary answers those). A rate limit says when the next request fits, a shortfall says what
 * it costs and points to /buy.
 */
export async function refusalText(
  ctx: UserBotContext,
  db: PrismaClient,
  error: unknown,
  request: { modelId: string; price?: bigint },
): Promise<string | null> {
  if (!isAppError(error)) return null;
  const lang = ctx.lang;
  const model = findCatalogModel(request.modelId);
  const name = model?.displayName ?? request.modelId;
  switch (error.code) {
    case 'RATE_LIMITED': {
      const retryAt = error.details.retryAt instanceof Date ? error.details.retryAt : new Date();
      const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
      return ctx.t('generate-refused-rate-limited', {
        limit: Number(error.details.limit ?? 0),
        minutes,
        time: formatUtc(retryAt).slice(11),
      });
    }
    case 'INSUFFICIENT_FUNDS': {
      const wallet = ctx.account ? await getWallet(db, ctx.account.id) : null;
      return ctx.t('generate-refused-funds', {
        price: formatTokens(request.price ?? model?.tokenPrice ?? 0n, lang),
        available: formatTokens(wallet?.tokens.available ?? 0n, lang),
      });
    }
    case 'MODEL_UNAVAILABLE':
    case 'MODEL_NOT_FOUND':
      return ctx.t('generate-refused-model-off', { model: name });
    case 'FILE_TOO_LARGE':
    case 'IMAGE_TOO_LARGE':
      return ctx.t('generate-photo-too-large');
    case 'FILE_TYPE_MISMATCH':
    case 'FILE_TYPE_NOT_ALLOWED':
      return ctx.t('generate-photo-gone');
    case 'INVALID_INPUT': {
      if (error.details.reason === 'prompt_too_long')
        return ctx.t('generate-refused-prompt-too-long', { max: Number(error.details.max ?? 0) });
      const usage = model && model.id === 'tts' ? 'generate-usage-tts' : USAGE_KEYS[model?.kind ?? ''];
      if (error.details.reason === 'prompt_required' && usage) return ctx.t(usage);
      return ctx.t('generate-refused-invalid');
    }
    default:
      return null;
  }
}
