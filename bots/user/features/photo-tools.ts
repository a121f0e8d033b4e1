import { Composer, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { downloadTelegramFile } from '#bots/shared/download-telegram-file.ts';
import { createDraftStore } from '#bots/user/generate/draft-store.ts';
import { pickTool } from '#bots/user/generate/generate-callbacks.ts';
import { quotaLine, quotaOf, spentView } from '#bots/user/generate/generation-quota.ts';
import { startGeneration } from '#bots/user/generate/start-generation.ts';
import { pictureTypeOf } from '#bots/user/generate/telegram-photo.ts';
import { generationRules } from '#core/ai/generation/generation-rules.ts';
import { offeredModels } from '#core/ai/models/offered-models.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { saveFile } from '#core/files/save-file.ts';
import { formatTokens } from '#core/money/format-money.ts';

const TOOL_KEYS: Record<string, string> = {
  upscale: 'generate-tool-upscale',
  'remove-background': 'generate-tool-remove-background',
  'replace-background': 'generate-tool-replace-background',
  vectorize: 'generate-tool-vectorize',
};
/** Pictures sent as files keep their full resolution; these are the ones the tools take. */
const IMAGE_DOCUMENTS = ['image/jpeg', 'image/png', 'image/webp'] as const;
type TImageType = (typeof IMAGE_DOCUMENTS)[number];
const isImageType = (type: string | undefined): type is TImageType =>
  (IMAGE_DOCUMENTS as readonly (string | undefined)[]).includes(type);

/**
 * A photo sent to the bot → the photo tools with their prices: upscale, remove background, replace
 * background (the caption is the new background; without one the bot asks), vectorize. The photo is
 * downloaded from the Bot API and stored (core/files) only when a tool is chosen.
 */
export function photoToolsFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  const drafts = createDraftStore(deps.redis, deps.config.REDIS_PREFIX);

  const offerTools = async (ctx: UserBotContext, fileId: string, mimeType: TImageType) => {
    const account = ctx.account;
    if (!account) return;
    const tools = await offeredModels(deps, { kind: 'tool' });
    if (tools.length === 0) return ctx.reply(ctx.t('generate-no-models'));
    const reply_parameters = {
      message_id: ctx.message?.message_id ?? 0,
      allow_sending_without_reply: true,
    };
    const quota = await quotaOf(deps.db, account.id);
    const spent = spentView(ctx, quota);
    if (spent) return ctx.reply(spent.text, { reply_markup: spent.keyboard, reply_parameters });
    const caption = ctx.message?.caption?.trim() ?? '';
    const draft = await drafts.save(account.id, { type: 'photo', fileId, mimeType, caption });
    const keyboard = new InlineKeyboard();
    for (const tool of tools) {
      const label = ctx.t('generate-tool-button', {
        tool: ctx.t(TOOL_KEYS[tool.id] ?? tool.displayName),
        price: formatTokens(tool.tokenPrice, account.language),
      });
      keyboard.text(label, pickTool.encode({ draft, model: tool.id })).row();
    }
    await ctx.reply(`${ctx.t('generate-photo-choose')}\n\n${quotaLine(ctx, quota)}`, {
      reply_markup: keyboard,
      reply_parameters,
    });
  };

  chats.on('message:photo', async (ctx) => {
    const largest = ctx.message.photo.at(-1);
    if (largest) await offerTools(ctx, largest.file_id, 'image/jpeg');
  });
  chats.on('message:document', async (ctx, next) => {
    const document = ctx.message.document;
    const type = document.mime_type;
    if (!isImageType(type)) return next();
    await offerTools(ctx, document.file_id, type);
  });

  const runTool = async (
    ctx: UserBotContext,
    input: { modelId: string; fileId: string; mimeType: string; prompt: string; statusMessageId: number },
  ) => {
    const account = ctx.account;
    if (!account) return;
    await startGeneration(ctx, deps, {
      modelId: input.modelId,
      prompt: input.prompt,
      statusMessageId: input.statusMessageId,
      inputs: async () => {
        const { bytes: data } = await downloadTelegramFile(ctx.api, {
          apiRoot: deps.config.TELEGRAM_API_ROOT,
          fileId: input.fileId,
        }).catch((error: unknown) => {
          if (isAppError(error)) throw error;
          throw new AppError('FILE_TYPE_MISMATCH', { mimeType: input.mimeType });
        });
        const plan = await aiPlanOf(deps.db, account.id);
        const file = await saveFile(
          { db: deps.db, store: deps.fileStore },
          {
            userId: account.id,
            kind: 'image',
            name: 'photo',
            mimeType: pictureTypeOf(data, input.mimeType),
            data,
            keepOriginal: plan.tier === 'premium',
          },
        );
        return [file.id];
      },
    });
  };

  chats.callbackQuery(pickTool.pattern, async (ctx) => {
    const account = ctx.account;
    const choice = pickTool.decode(ctx.callbackQuery.data);
    const rules = choice ? generationRules(choice.model) : null;
    const messageId = ctx.callbackQuery.message?.message_id;
    const needsPrompt = rules?.prompt.use === 'required';
    const draft =
      account && choice ? await drafts.load(account.id, choice.draft, { consume: !needsPrompt }) : null;
    if (!choice || !rules?.inputImage || draft?.type !== 'photo' || messageId === undefined || !account)
      return ctx.answerCallbackQuery({ text: ctx.t('generate-draft-expired') });
    await ctx.answerCallbackQuery();
    if (needsPrompt && !draft.caption) {
      await drafts.awaitBackground(account.id, choice.draft);
      return ctx.editMessageText(ctx.t('generate-photo-ask-background'));
    }
    await runTool(ctx, {
      modelId: choice.model,
      ...draft,
      prompt: needsPrompt ? draft.caption : '',
      statusMessageId: messageId,
    });
  });

  // The answer to "describe the new background"; anything else goes on to the other features.
  chats.on('message:text', async (ctx, next) => {
    const account = ctx.account;
    if (!account) return next();
    const text = ctx.message.text.trim();
    if (text.startsWith('/') && text !== '/cancel') return next();
    const awaited = await drafts.takeAwaited(account.id);
    if (!awaited) return next();
    if (text === '/cancel') return ctx.reply(ctx.t('cancelled'));
    const draft = await drafts.load(account.id, awaited, { consume: true });
    if (draft?.type !== 'photo') return ctx.reply(ctx.t('generate-draft-expired'));
    const status = await ctx.reply('⏳');
    await runTool(ctx, {
      modelId: 'replace-background',
      fileId: draft.fileId,
      mimeType: draft.mimeType,
      prompt: text,
      statusMessageId: status.message_id,
    });
  });
  return feature;
}
