import { Composer, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createDraftStore } from '#bots/user/generate/draft-store.ts';
import { cancelDraft, pickModel, pickVideo, VIDEO_FRAMES } from '#bots/user/generate/generate-callbacks.ts';
import { quotaLine, quotaOf, spentView } from '#bots/user/generate/generation-quota.ts';
import { startGeneration } from '#bots/user/generate/start-generation.ts';
import { generationRules, videoSecondsOf } from '#core/ai/generation/generation-rules.ts';
import { priceArgs } from '#core/ai/generation/status-text.ts';
import { offeredModels } from '#core/ai/models/offered-models.ts';
import { formatTokens } from '#core/money/format-money.ts';

/** A prompt quoted back in the picker: enough to recognize it, short enough to keep the buttons in view. */
const QUOTE_MAX = 200;
const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text);

const USAGE = { image: 'generate-usage-image', video: 'generate-usage-video' } as const;
const SINGLE_MODEL = { suno: 'generate-usage-music', tts: 'generate-usage-tts' } as const;

/**
 * `/image <prompt>` and `/video <prompt>`: a picker of the models that are on, with their live prices, then
 * (video) length and frame; `/music <prompt>` (Suno) and `/tts <text>` have one model, so they show its
 * price with one button that starts it, and Cancel: nothing is reserved before a press. Every picker says
 * how many generations the hour has left; with none left it says when the next fits instead. The picker
 * message becomes the request's status message, which the `ai` worker edits until the result arrives.
 */
export function generateFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  const drafts = createDraftStore(deps.redis, deps.config.REDIS_PREFIX);

  const offerModels = async (ctx: UserBotContext, kind: 'image' | 'video', prompt: string) => {
    const account = ctx.account;
    if (!account) return;
    if (!prompt) return ctx.reply(ctx.t(USAGE[kind]));
    const models = await offeredModels(deps, { kind });
    if (models.length === 0) return ctx.reply(ctx.t('generate-no-models'));
    const max = generationRules(models[0]?.id ?? '')?.prompt.max ?? 0;
    if (prompt.length > max) return ctx.reply(ctx.t('generate-refused-prompt-too-long', { max }));
    const quota = await quotaOf(deps.db, account.id);
    const spent = spentView(ctx, quota);
    if (spent) return ctx.reply(spent.text, { reply_markup: spent.keyboard });
    const draft = await drafts.save(account.id, { type: 'prompt', kind, prompt });
    const keyboard = new InlineKeyboard();
    for (const m of models) {
      const price = formatTokens(m.tokenPrice, account.language);
      keyboard
        .text(
          ctx.t('generate-model-button', { model: m.displayName, price }),
          pickModel.encode({ draft, model: m.id }),
        )
        .row();
    }
    const text = `${ctx.t('generate-pick-model', { prompt: quote(prompt) })}\n\n${quotaLine(ctx, quota)}`;
    await ctx.reply(text, { reply_markup: keyboard });
  };

  chats.command('image', (ctx) => offerModels(ctx, 'image', ctx.match.trim()));
  chats.command('video', (ctx) => offerModels(ctx, 'video', ctx.match.trim()));

  const offerPrice = async (ctx: UserBotContext, modelId: keyof typeof SINGLE_MODEL, prompt: string) => {
    const account = ctx.account;
    if (!account) return;
    if (!prompt) return ctx.reply(ctx.t(SINGLE_MODEL[modelId]));
    const model = (await offeredModels(deps, { kind: 'audio' })).find((m) => m.id === modelId);
    if (!model) return ctx.reply(ctx.t('generate-no-models'));
    const max = generationRules(modelId)?.prompt.max ?? 0;
    if (prompt.length > max) return ctx.reply(ctx.t('generate-refused-prompt-too-long', { max }));
    const quota = await quotaOf(deps.db, account.id);
    const spent = spentView(ctx, quota);
    if (spent) return ctx.reply(spent.text, { reply_markup: spent.keyboard });
    const draft = await drafts.save(account.id, { type: 'prompt', kind: 'audio', prompt });
    const price = priceArgs(model.tokenPrice, account.language);
    const text = [
      ctx.t('limits-confirm-price', { model: model.displayName, ...price }),
      ctx.t('limits-confirm-prompt', { prompt: quote(prompt) }),
      quotaLine(ctx, quota),
    ].join('\n\n');
    const keyboard = new InlineKeyboard()
      .text(
        ctx.t('limits-confirm-button', { price: price.price }),
        pickModel.encode({ draft, model: modelId }),
      )
      .row()
      .text(ctx.t('limits-cancel-button'), cancelDraft.encode({ draft }));
    await ctx.reply(text, { reply_markup: keyboard });
  };
  chats.command('music', (ctx) => offerPrice(ctx, 'suno', ctx.match.trim()));
  chats.command('tts', (ctx) => offerPrice(ctx, 'tts', ctx.match.trim()));

  chats.callbackQuery(cancelDraft.pattern, async (ctx) => {
    const choice = cancelDraft.decode(ctx.callbackQuery.data);
    const draft =
      choice && ctx.account ? await drafts.load(ctx.account.id, choice.draft, { consume: true }) : null;
    if (!draft) return ctx.answerCallbackQuery({ text: ctx.t('generate-draft-expired') });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('limits-confirm-canceled'));
  });

  const loadDraft = async (ctx: UserBotContext, id: string, consume: boolean) => {
    const draft = ctx.account ? await drafts.load(ctx.account.id, id, { consume }) : null;
    return draft?.type === 'prompt' ? draft : null;
  };

  chats.callbackQuery(pickModel.pattern, async (ctx) => {
    const choice = pickModel.decode(ctx.callbackQuery.data);
    const rules = choice ? generationRules(choice.model) : null;
    // A picture starts on this press; a video still asks for its options, so its draft stays.
    const draft = choice && rules ? await loadDraft(ctx, choice.draft, rules.kind !== 'video') : null;
    const messageId = ctx.callbackQuery.message?.message_id;
    if (!choice || !draft || rules?.kind !== draft.kind || messageId === undefined)
      return ctx.answerCallbackQuery({ text: ctx.t('generate-draft-expired') });
    await ctx.answerCallbackQuery();
    if (draft.kind === 'video') {
      const keyboard = new InlineKeyboard();
      for (const seconds of videoSecondsOf(choice.model)) {
        for (const [frame, aspect] of Object.entries(VIDEO_FRAMES) as [keyof typeof VIDEO_FRAMES, string][])
          keyboard.text(
            ctx.t('generate-video-option', { aspect, seconds }),
            pickVideo.encode({ draft: choice.draft, model: choice.model, seconds, frame }),
          );
        keyboard.row();
      }
      const model = rules.model.displayName;
      return ctx.editMessageText(ctx.t('generate-pick-video-options', { model }), { reply_markup: keyboard });
    }
    await startGeneration(ctx, deps, {
      modelId: choice.model,
      prompt: draft.prompt,
      statusMessageId: messageId,
    });
  });

  chats.callbackQuery(pickVideo.pattern, async (ctx) => {
    const choice = pickVideo.decode(ctx.callbackQuery.data);
    const draft = choice ? await loadDraft(ctx, choice.draft, true) : null;
    const messageId = ctx.callbackQuery.message?.message_id;
    if (!choice || draft?.kind !== 'video' || messageId === undefined)
      return ctx.answerCallbackQuery({ text: ctx.t('generate-draft-expired') });
    await ctx.answerCallbackQuery();
    await startGeneration(ctx, deps, {
      modelId: choice.model,
      prompt: draft.prompt,
      params: { seconds: choice.seconds, aspect: VIDEO_FRAMES[choice.frame] },
      statusMessageId: messageId,
    });
  });
  return feature;
}
