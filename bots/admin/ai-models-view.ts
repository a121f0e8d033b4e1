import { InlineKeyboard } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import type { TAdminModel } from '#core/ai/models/list-models.ts';
import type { AiKind } from '#core/db/generated/client.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { aiModelAction } from './ai-model-callbacks.ts';

const KINDS: readonly AiKind[] = ['text', 'image', 'video', 'audio', 'tool'];

/** "1 000 tokens" / "1 000 токенов" in the admin's language. */
export const tokensText = (ctx: AdminBotContext, price: bigint) =>
  ctx.t('admin-ai-tokens', {
    price: formatTokens(price, ctx.lang),
    count: Number(price),
  });

/**
 * `/models`: every model by kind with its live price and switch, marked where no provider is configured (a
 * model switched on but not served is not offered to users either). One row of buttons per model.
 */
export function renderModels(
  ctx: AdminBotContext,
  models: readonly TAdminModel[],
  serves: (modelId: string) => boolean,
): { text: string; keyboard: InlineKeyboard } {
  const lines = [ctx.t('admin-ai-models-title')];
  const keyboard = new InlineKeyboard();
  for (const kind of KINDS) {
    const ofKind = models.filter((m) => m.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push('', `<b>${ctx.t(`admin-ai-kind-${kind}`)}</b>`);
    for (const model of ofKind) {
      const notes = [
        model.tokenPrice !== model.defaultPrice &&
          ctx.t('admin-ai-model-catalog-price', { price: tokensText(ctx, model.defaultPrice) }),
        !serves(model.id) && `⚠️ ${ctx.t('admin-ai-model-not-served')}`,
      ].filter((n): n is string => typeof n === 'string');
      lines.push(
        ctx.t('admin-ai-model-line', {
          state: model.enabled ? '✅' : '⛔',
          name: escapeHtml(model.displayName),
          id: model.id,
          price: tokensText(ctx, model.tokenPrice),
          notes: notes.length > 0 ? ` (${notes.join('; ')})` : '',
        }),
      );
      keyboard
        .text(
          `${model.enabled ? '✅' : '⛔'} ${model.displayName}`,
          aiModelAction.encode({ action: model.enabled ? 'off' : 'on', modelId: model.id }),
        )
        .text(
          `💲 ${formatTokens(model.tokenPrice, ctx.lang)}`,
          aiModelAction.encode({ action: 'price', modelId: model.id }),
        )
        .row();
    }
  }
  lines.push('', ctx.t('admin-ai-models-hint'));
  return { text: lines.join('\n'), keyboard };
}
