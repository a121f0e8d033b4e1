import { Composer } from 'grammy';
import { aiModelAction } from '#bots/admin/ai-model-callbacks.ts';
import { renderModels } from '#bots/admin/ai-models-view.ts';
import { applyModelPrice, MODEL_PRICE_CONVERSATION } from '#bots/admin/conversations/model-price.ts';
import { parseTokenPrice } from '#bots/admin/parse-token-price.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { listModels } from '#core/ai/models/list-models.ts';
import { setModelEnabled } from '#core/ai/models/set-model-enabled.ts';
import { isAppError } from '#core/errors/app-error.ts';

/** `/models` with its switches and 💲 buttons, and `/price <model> <tokens>`; all need `ai.manage`. */
export function aiModelsFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();
  const view = async (ctx: AdminBotContext) => renderModels(ctx, await listModels(deps.db), deps.ai.serves);

  feature.command('models', async (ctx) => {
    assertCan(ctx.staff, 'ai.manage');
    const { text, keyboard } = await view(ctx);
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  feature.command('price', async (ctx) => {
    assertCan(ctx.staff, 'ai.manage');
    const [modelId, ...rest] = ctx.match.trim().split(/\s+/);
    if (!modelId || rest.length === 0)
      return ctx.reply(ctx.t('admin-ai-price-usage'), { parse_mode: 'HTML' });
    await applyModelPrice(deps, ctx, {
      modelId: modelId.toLowerCase(),
      tokenPrice: parseTokenPrice(rest.join(' ')),
    });
  });

  feature.callbackQuery(aiModelAction.pattern, async (ctx) => {
    const action = aiModelAction.decode(ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    // Checked before anything else: the button may be forged, the permission cannot be.
    assertCan(ctx.staff, 'ai.manage');
    if (action.action === 'price') {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(MODEL_PRICE_CONVERSATION, action.modelId);
    }
    try {
      const { model, changed } = await setModelEnabled(deps.db, {
        staff: ctx.staff,
        modelId: action.modelId,
        enabled: action.action === 'on',
      });
      const done = model.enabled ? 'admin-ai-switched-on' : 'admin-ai-switched-off';
      await ctx.answerCallbackQuery({
        text: changed ? ctx.t(done, { name: model.displayName }) : ctx.t('admin-ai-unchanged'),
      });
    } catch (error) {
      if (!isAppError(error, 'MODEL_NOT_FOUND')) throw error;
      return ctx.answerCallbackQuery({
        text: ctx.t('admin-ai-model-unknown', { id: escapeHtml(action.modelId) }),
        show_alert: true,
      });
    }
    const { text, keyboard } = await view(ctx);
    await ctx
      .editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard })
      .catch((error: unknown) => {
        // A second admin may have refreshed the same list to the same state.
        if (!String(error).includes('message is not modified')) throw error;
      });
  });

  return feature;
}
