import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { escapeHtml, fullName } from '#bots/shared/format.ts';

export const PROFILE_EMAIL_BUTTON = 'v1:profile:email';

export function renderProfile(ctx: UserBotContext): { text: string; keyboard: InlineKeyboard } {
  const user = ctx.account;
  if (!user) return { text: ctx.t('error-user-not-found'), keyboard: new InlineKeyboard() };
  const text = ctx.t('profile-card', {
    name: escapeHtml(fullName(user)),
    username: user.username ? ` (@${escapeHtml(user.username)})` : '',
    id: user.id.toString(),
    language: ctx.t(`language-name-${user.language}`),
    email: user.email
      ? ctx.t('profile-email-verified', { email: escapeHtml(user.email) })
      : ctx.t('profile-email-none'),
    since: user.createdAt,
  });
  const keyboard = new InlineKeyboard().text(
    ctx.t(user.email ? 'profile-change-email' : 'profile-add-email'),
    PROFILE_EMAIL_BUTTON,
  );
  return { text, keyboard };
}
