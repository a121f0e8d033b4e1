import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { attempt } from '#bots/shared/attempt.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { dialogDetails } from '#core/ai/dialogs/dialog-details.ts';
import { SYSTEM_PROMPT_MAX } from '#core/ai/dialogs/dialog-rules.ts';
import { renameDialog } from '#core/ai/dialogs/rename-dialog.ts';
import { setSystemPrompt } from '#core/ai/dialogs/set-system-prompt.ts';

export const DIALOG_TEXT_CONVERSATION = 'dialog-text';

/**
 * A dialog's new name (`rename`) or system prompt (`prompt`), typed as the next message. A button press or
 * a command other than /cancel ends the input and is handled as usual; /cancel reaches the cancel command,
 * which says so. Arguments and every `external` result are plain strings: the state lives in Redis.
 */
export function createDialogTextConversation(deps: BotDeps) {
  return async function dialogText(
    conversation: Conversation<UserBotContext, Context>,
    ctx: Context,
    dialogIdText: string,
    field: string,
  ) {
    const from = ctx.from;
    if (!from || !/^\d{1,19}$/.test(dialogIdText) || (field !== 'rename' && field !== 'prompt')) return;
    const userId = BigInt(from.id);
    const dialogId = BigInt(dialogIdText);
    const lang = await conversation.external((outer) => outer.lang);
    const tr = (key: string, args?: Record<string, string | number>) => deps.translator.t(lang, key, args);
    const found = await conversation.external(() =>
      attempt(async () => {
        const { dialog } = await dialogDetails(deps.db, { userId, dialogId });
        return { title: dialog.title || tr('dialogs-untitled') };
      }),
    );
    if (!found.ok) {
      await ctx.reply(tr('dialogs-not-found'));
      return;
    }
    const title = escapeHtml(found.value.title);
    await ctx.reply(tr(field === 'rename' ? 'dialogs-rename-ask' : 'dialogs-prompt-ask', { title }), {
      parse_mode: 'HTML',
    });
    for (;;) {
      const next = await conversation.wait();
      const text = next.message?.text;
      if (text === '/cancel' || text?.startsWith('/cancel@')) await conversation.skip({ next: true });
      if (next.callbackQuery || text?.startsWith('/')) await conversation.halt({ next: true });
      if (!text) {
        await next.reply(tr('dialogs-text-only'));
        continue;
      }
      const saved = await conversation.external(() =>
        attempt(async () => {
          if (field === 'rename') {
            const dialog = await renameDialog(deps.db, { userId, dialogId, title: text });
            return dialog.title;
          }
          await setSystemPrompt(deps.db, { userId, dialogId, systemPrompt: text });
          return '';
        }),
      );
      if (saved.ok) {
        await next.reply(
          field === 'rename'
            ? tr('dialogs-renamed', { title: escapeHtml(saved.value) })
            : tr('dialogs-prompt-saved'),
          { parse_mode: 'HTML' },
        );
        return;
      }
      if (saved.code !== 'INVALID_INPUT') {
        await next.reply(tr('dialogs-not-found'));
        return;
      }
      await next.reply(
        field === 'rename'
          ? tr('dialogs-title-invalid')
          : tr('dialogs-prompt-too-long', { max: SYSTEM_PROMPT_MAX }),
      );
    }
  };
}
