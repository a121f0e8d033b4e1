import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { MODEL_PRICE_CANCEL } from '#bots/admin/ai-model-callbacks.ts';
import { tokensText } from '#bots/admin/ai-models-view.ts';
import { parseTokenPrice } from '#bots/admin/parse-token-price.ts';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import { MAX_TOKEN_PRICE, setModelPrice } from '#core/ai/models/set-model-price.ts';

export const MODEL_PRICE_CONVERSATION = 'ai-model-price';

/**
 * Sets the price and tells the admin how it went; false when the input was refused and may be typed again.
 * Shared by the 💲 button's conversation and `/price <model> <tokens>`.
 */
export async function applyModelPrice(
  deps: BotDeps,
  ctx: AdminBotContext,
  input: { modelId: string; tokenPrice: bigint | null },
): Promise<boolean> {
  const invalid = () => ctx.reply(ctx.t('admin-ai-price-invalid', { max: MAX_TOKEN_PRICE.toString() }));
  if (input.tokenPrice === null) {
    await invalid();
    return false;
  }
  const price = input.tokenPrice;
  const before = await findModel(deps.db, input.modelId);
  const result = await attempt(() =>
    setModelPrice(deps.db, { staff: ctx.staff, modelId: input.modelId, tokenPrice: price }),
  );
  if (!result.ok) {
    if (result.code === 'INVALID_INPUT') {
      await invalid();
      return false;
    }
    await ctx.reply(
      result.code === 'MODEL_NOT_FOUND'
        ? ctx.t('admin-ai-model-unknown', { id: escapeHtml(input.modelId) })
        : ctx.t(result.code === 'FORBIDDEN' ? 'error-forbidden' : 'error-generic'),
    );
    return true;
  }
  const { model, changed } = result.value;
  const name = escapeHtml(model.displayName);
  await ctx.reply(
    changed
      ? ctx.t('admin-ai-price-done', {
          name,
          price: tokensText(ctx, model.tokenPrice),
          before: tokensText(ctx, before?.tokenPrice ?? model.defaultPrice),
        })
      : ctx.t('admin-ai-price-same', { name, price: tokensText(ctx, model.tokenPrice) }),
    { parse_mode: 'HTML' },
  );
  return true;
}

/** 💲 under `/models`: asks for the new price until a valid one arrives or the admin cancels. */
export function createModelPriceConversation(deps: BotDeps) {
  return async function modelPrice(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    modelId: string,
  ) {
    const known = await conversation.external(async (outer) => {
      const model = await findModel(deps.db, modelId);
      if (!model) {
        await outer.reply(outer.t('admin-ai-model-unknown', { id: escapeHtml(modelId) }));
        return false;
      }
      await outer.reply(
        outer.t('admin-ai-price-ask', {
          name: escapeHtml(model.displayName),
          price: tokensText(outer, model.tokenPrice),
          catalog: tokensText(outer, model.defaultPrice),
        }),
        {
          parse_mode: 'HTML',
          reply_markup: new InlineKeyboard().text(outer.t('admin-button-cancel'), MODEL_PRICE_CANCEL),
        },
      );
      return true;
    });
    if (!known) return;
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery?.data === MODEL_PRICE_CANCEL) {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      const text = next.message?.text?.trim();
      // Another command or button leaves the conversation and is handled as if it had not been in one.
      if (text?.startsWith('/') || next.callbackQuery) await conversation.skip({ next: true });
      const tokenPrice = text ? parseTokenPrice(text) : null;
      const done = await conversation.external((outer) =>
        applyModelPrice(deps, outer, { modelId, tokenPrice }),
      );
      if (done) return;
    }
  };
}
