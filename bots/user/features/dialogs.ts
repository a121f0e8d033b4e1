import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import {
  CHAT_USE_FREE_MODEL,
  DIALOG_LIST,
  DIALOG_NEW,
  dialogAction,
  dialogHistory,
  dialogModel,
} from '#bots/user/chat/chat-callbacks.ts';
import { DIALOG_TEXT_CONVERSATION } from '#bots/user/chat/dialog-text-conversation.ts';
import {
  deleteConfirmView,
  dialogCardView,
  dialogListView,
  dialogTitle,
  modelName,
  modelPickerView,
  type TTr,
  type TView,
} from '#bots/user/chat/dialog-views.ts';
import { isNotModified } from '#bots/user/chat/rich-text.ts';
import { activeDialog } from '#core/ai/dialogs/active-dialog.ts';
import { createDialog } from '#core/ai/dialogs/create-dialog.ts';
import { deleteDialog } from '#core/ai/dialogs/delete-dialog.ts';
import { dialogDetails } from '#core/ai/dialogs/dialog-details.ts';
import { listDialogs } from '#core/ai/dialogs/list-dialogs.ts';
import { setDialogModel } from '#core/ai/dialogs/set-dialog-model.ts';
import { setSystemPrompt } from '#core/ai/dialogs/set-system-prompt.ts';
import { switchDialog } from '#core/ai/dialogs/switch-dialog.ts';
import { toggleHistory } from '#core/ai/dialogs/toggle-history.ts';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import { offeredModels } from '#core/ai/models/offered-models.ts';
import { isAppError } from '#core/errors/app-error.ts';

const LIST_LIMIT = 10;
const FREE_MODEL = MODEL_CATALOG.find((m) => m.freeForSubscribers)?.id ?? 'gpt-4o-mini';

const trOf =
  (ctx: UserBotContext): TTr =>
  (key, args) =>
    ctx.t(key, args);

/** The message the button was on becomes the new view; pressing a button that changes nothing is fine. */
async function show(ctx: UserBotContext, view: TView) {
  try {
    await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/**
 * `/dialogs` and `/new`: the list with the active dialog marked, and per dialog its card (switch, model with
 * prices, history on/off, system prompt, rename, delete with confirmation). Names and prompts are typed in
 * the dialog-text conversation.
 */
export function dialogsFeature(deps: BotDeps) {
  const { db } = deps;
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');

  const listView = async (ctx: UserBotContext, userId: bigint) =>
    dialogListView(trOf(ctx), await listDialogs(db, { userId, limit: LIST_LIMIT }));
  const cardView = async (ctx: UserBotContext, userId: bigint, dialogId: bigint) => {
    const details = await dialogDetails(db, { userId, dialogId });
    const model = await findModel(db, details.dialog.modelId);
    return dialogCardView(trOf(ctx), ctx.lang, { ...details, price: model?.tokenPrice ?? null });
  };

  /** A dialog that is gone, or a model switched off meanwhile, is said in the button's alert. */
  const guard =
    (handler: (ctx: UserBotContext, userId: bigint) => Promise<unknown>) => async (ctx: UserBotContext) => {
      const account = ctx.account;
      if (!account) return ctx.answerCallbackQuery();
      try {
        await handler(ctx, account.id);
      } catch (error) {
        const key = isAppError(error, 'NOT_FOUND')
          ? 'dialogs-not-found'
          : isAppError(error, 'MODEL_UNAVAILABLE')
            ? 'dialogs-model-off'
            : null;
        if (!key) throw error;
        await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
      }
    };

  chats.command('dialogs', async (ctx) => {
    if (!ctx.account) return;
    const view = await listView(ctx, ctx.account.id);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });

  chats.command('new', async (ctx) => {
    if (!ctx.account) return;
    const dialog = await createDialog(db, { userId: ctx.account.id, title: ctx.match.trim() || undefined });
    await ctx.reply(ctx.t('dialogs-created', { model: modelName(dialog.modelId) }));
  });

  chats.callbackQuery(
    DIALOG_LIST,
    guard(async (ctx, userId) => {
      const view = await listView(ctx, userId);
      await ctx.answerCallbackQuery();
      await show(ctx, view);
    }),
  );

  chats.callbackQuery(
    DIALOG_NEW,
    guard(async (ctx, userId) => {
      const dialog = await createDialog(db, { userId });
      await ctx.answerCallbackQuery({ text: ctx.t('dialogs-created', { model: modelName(dialog.modelId) }) });
      await show(ctx, await cardView(ctx, userId, dialog.id));
    }),
  );

  chats.callbackQuery(
    dialogAction.pattern,
    guard(async (ctx, userId) => {
      const action = dialogAction.decode(ctx.callbackQuery?.data ?? '');
      if (!action) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
      const tr = trOf(ctx);
      const { id } = action;
      switch (action.op) {
        case 'open': {
          // The view first: a dialog that is gone must still be able to answer the button with an alert.
          const view = await cardView(ctx, userId, id);
          await ctx.answerCallbackQuery();
          return show(ctx, view);
        }
        case 'use': {
          const dialog = await switchDialog(db, { userId, dialogId: id });
          await ctx.answerCallbackQuery({
            text: ctx.t('dialogs-switched', { title: dialogTitle(tr, dialog) }),
          });
          return show(ctx, await cardView(ctx, userId, id));
        }
        case 'models': {
          const { dialog } = await dialogDetails(db, { userId, dialogId: id });
          await ctx.answerCallbackQuery();
          return show(
            ctx,
            modelPickerView(tr, ctx.lang, dialog, await offeredModels(deps, { kind: 'text' })),
          );
        }
        case 'prompt':
        case 'rename': {
          await dialogDetails(db, { userId, dialogId: id });
          await ctx.answerCallbackQuery();
          await ctx.conversation.exitAll();
          return ctx.conversation.enter(DIALOG_TEXT_CONVERSATION, id.toString(), action.op);
        }
        case 'prompt-clear':
          await setSystemPrompt(db, { userId, dialogId: id, systemPrompt: null });
          await ctx.answerCallbackQuery({ text: ctx.t('dialogs-prompt-cleared') });
          return show(ctx, await cardView(ctx, userId, id));
        case 'delete': {
          const { dialog } = await dialogDetails(db, { userId, dialogId: id });
          await ctx.answerCallbackQuery();
          return show(ctx, deleteConfirmView(tr, dialog));
        }
        case 'delete-ok': {
          const { dialog } = await dialogDetails(db, { userId, dialogId: id });
          await deleteDialog(db, { userId, dialogId: id });
          await ctx.answerCallbackQuery({
            text: ctx.t('dialogs-deleted', { title: dialogTitle(tr, dialog) }),
          });
          return show(ctx, await listView(ctx, userId));
        }
      }
    }),
  );

  chats.callbackQuery(
    dialogModel.pattern,
    guard(async (ctx, userId) => {
      const choice = dialogModel.decode(ctx.callbackQuery?.data ?? '');
      if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
      // The picker only offers served models, but the button may be older than a provider change.
      if (!deps.ai.serves(choice.model))
        return ctx.answerCallbackQuery({ text: ctx.t('dialogs-model-off'), show_alert: true });
      const dialog = await setDialogModel(db, { userId, dialogId: choice.id, modelId: choice.model });
      await ctx.answerCallbackQuery({
        text: ctx.t('dialogs-model-set', { model: modelName(dialog.modelId) }),
      });
      await show(ctx, await cardView(ctx, userId, choice.id));
    }),
  );

  chats.callbackQuery(
    dialogHistory.pattern,
    guard(async (ctx, userId) => {
      const choice = dialogHistory.decode(ctx.callbackQuery?.data ?? '');
      if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
      const dialog = await toggleHistory(db, { userId, dialogId: choice.id, enabled: choice.on });
      await ctx.answerCallbackQuery({
        text: ctx.t(dialog.historyEnabled ? 'dialogs-history-turned-on' : 'dialogs-history-turned-off'),
      });
      await show(ctx, await cardView(ctx, userId, choice.id));
    }),
  );

  chats.callbackQuery(
    CHAT_USE_FREE_MODEL,
    guard(async (ctx, userId) => {
      const dialog = await activeDialog(db, userId);
      await setDialogModel(db, { userId, dialogId: dialog.id, modelId: FREE_MODEL });
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup();
      await ctx.reply(ctx.t('chat-switched-free', { model: modelName(FREE_MODEL) }));
    }),
  );

  return feature;
}
