import type { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { acceptGeneration } from '#core/ai/generation/accept-generation.ts';
import { priceArgs, statusText } from '#core/ai/generation/status-text.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import { refusalView } from './refusal-view.ts';

export interface TStartGeneration {
  modelId: string;
  prompt: string;
  params?: Record<string, unknown>;
  /** Stored files (core/files) the job works on, or a function that stores them (a photo to download). */
  inputs?: () => Promise<string[]>;
  /** The bot's message that becomes the status message: the picker, or a fresh reply. */
  statusMessageId: number;
}

/**
 * Turns a message of the bot into the request's status and hands the request to acceptGeneration. The
 * status says "queued" before the job exists: the worker may finish a cached or instant result before this
 * handler would get to a later edit, and must not be overwritten by it. A refusal replaces the status.
 */
export async function startGeneration(ctx: UserBotContext, deps: BotDeps, input: TStartGeneration) {
  const account = ctx.account;
  const chatId = ctx.chat?.id;
  if (!account || chatId === undefined) return;
  const lang = account.language;
  const model = await findModel(deps.db, input.modelId);
  const edit = (text: string, keyboard?: InlineKeyboard) =>
    ctx.api.editMessageText(chatId, input.statusMessageId, text, { reply_markup: keyboard });
  if (model)
    await edit(statusText.queued(ctx.t.bind(ctx), model.displayName, priceArgs(model.tokenPrice, lang)));
  try {
    const inputFileIds = input.inputs ? await input.inputs() : undefined;
    await acceptGeneration(
      { db: deps.db, ai: deps.ai, queue: deps.aiQueue },
      {
        userId: account.id,
        modelId: input.modelId,
        source: 'bot',
        prompt: input.prompt,
        params: input.params,
        inputFileIds,
        language: lang,
        telegram: { chatId: BigInt(chatId), statusMessageId: input.statusMessageId },
      },
    );
  } catch (error) {
    const view = await refusalView(
      ctx,
      { db: deps.db, advertisedPromos: deps.config.WELCOME_PROMO_CODES },
      error,
      { modelId: input.modelId, price: model?.tokenPrice },
    );
    if (view === null) throw error;
    await edit(view.text, view.keyboard);
  }
}
