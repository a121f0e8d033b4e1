import { Composer, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { listTasks } from '#core/video-tasks/list-tasks.ts';
import { taskLink } from '#core/video-tasks/task-link.ts';

/** Tasks listed in the message and as buttons; the app shows the rest. */
const SHOWN = 10;
/** A button label is cut on a phone after about 30–40 characters anyway. */
const BUTTON_TITLE_MAX = 32;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `/tasks`: the user's video tasks with their status; each opens in the Mini App, as does a new one. */
export function tasksFeature(deps: Pick<BotDeps, 'db' | 'miniAppUrl'>) {
  const feature = new Composer<UserBotContext>();
  feature.chatType('private').command('tasks', async (ctx) => {
    const account = ctx.account;
    if (!account) return ctx.reply(ctx.t('error-user-not-found'));
    const tasks = await listTasks(deps.db, { userId: account.id, limit: SHOWN + 1 });
    const shown = tasks.slice(0, SHOWN);
    const app = deps.miniAppUrl;
    const keyboard = new InlineKeyboard();
    const lines = [ctx.t('tasks-title'), ''];
    if (shown.length === 0) lines.push(ctx.t('tasks-empty'));
    for (const { task, status } of shown) {
      const icon = ctx.t(`task-status-${status}`);
      const model = findCatalogModel(task.modelId)?.displayName ?? task.modelId;
      lines.push(
        ctx.t('tasks-line', { status: icon, title: escapeHtml(task.title), model: escapeHtml(model) }),
      );
      if (app) keyboard.webApp(`${icon} ${cut(task.title, BUTTON_TITLE_MAX)}`, taskLink(app, task.id)).row();
    }
    if (tasks.length > SHOWN) lines.push(ctx.t('tasks-more'));
    if (app) {
      if (shown.length > 0) lines.push('', ctx.t('tasks-open-hint'));
      keyboard.webApp(ctx.t('tasks-new-button'), taskLink(app, 'new'));
    } else {
      lines.push('', ctx.t('tasks-no-app'));
    }
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: app ? keyboard : undefined });
  });
  return feature;
}
