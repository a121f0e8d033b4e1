import { Composer } from 'grammy';
import { setChatMenuButton } from '#bots/shared/chat-menu-button.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';

/**
 * The Mini App's address in admin mode: the same app, told by `?mode=admin` to open the admin screens and to
 * talk to /api/admin/ (miniapp/src/start-route.ts). The query, not the hash: Telegram puts its launch
 * parameters in the hash and keeps the query as the button gave it.
 */
export function adminMiniAppUrl(miniAppUrl: string): string {
  const url = new URL(miniAppUrl);
  url.searchParams.set('mode', 'admin');
  return url.toString();
}

/**
 * On /start and /help in a staff chat (behind the staff gate), points that chat's menu button at the admin
 * Mini App in the staff member's language. Per chat, never bot-wide: a stranger writing to the admin bot gets
 * no button (the API would refuse them anyway). The signature check on the server does the real gating.
 */
export function adminAppButton(deps: Pick<BotDeps, 'translator' | 'miniAppUrl'>) {
  const feature = new Composer<AdminBotContext>();
  const url = deps.miniAppUrl ? adminMiniAppUrl(deps.miniAppUrl) : null;
  feature.chatType('private').command(['start', 'help'], async (ctx, next) => {
    await setChatMenuButton(
      ctx.api,
      { translator: deps.translator, miniAppUrl: url, log: ctx.log, textKey: 'admin-menu-open-app' },
      { chatId: ctx.chat.id, lang: ctx.lang },
    );
    return next();
  });
  return feature;
}
