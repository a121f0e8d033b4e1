import { Composer } from 'grammy';
import { cardAction, grantAction } from '#bots/admin/callbacks.ts';
import { BAN_CONVERSATION } from '#bots/admin/conversations/ban.ts';
import { notifyTarget } from '#bots/admin/notify-target.ts';
import { renderUserCard, rolesKeyboard } from '#bots/admin/user-card-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, fullName } from '#bots/shared/format.ts';
import { unbanUser } from '#core/accounts/ban-user.ts';
import { findUser, loadUserCard, parseUserQuery } from '#core/accounts/find-user.ts';
import { grantRole, revokeRole } from '#core/accounts/manage-roles.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { getWallet } from '#core/ledger/wallet.ts';

/** `/find` and everything done from a user card: ban, unban, roles. */
export function findFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  const cardOrThrow = async (userId: bigint) => {
    const card = await loadUserCard(deps.db, userId);
    if (!card) throw new AppError('USER_NOT_FOUND');
    return card;
  };
  const refreshCard = async (ctx: AdminBotContext, userId: bigint) => {
    const view = renderUserCard(ctx, await cardOrThrow(userId), await getWallet(deps.db, userId));
    await ctx
      .editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
      .catch((error) => {
        // Pressing "refresh" on an unchanged card is not a failure.
        if (!String(error).includes('message is not modified')) throw error;
      });
  };

  feature.command('find', async (ctx) => {
    assertCan(ctx.staff, 'users.view');
    const query = parseUserQuery(ctx.match);
    if (!query) return ctx.reply(ctx.t('admin-find-usage'), { parse_mode: 'HTML' });
    const user = await findUser(deps.db, query);
    if (!user)
      return ctx.reply(ctx.t('admin-find-none', { query: escapeHtml(ctx.match.trim()) }), {
        parse_mode: 'HTML',
      });
    const view = renderUserCard(ctx, await cardOrThrow(user.id), await getWallet(deps.db, user.id));
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });

  feature.callbackQuery(cardAction.pattern, async (ctx) => {
    const action = cardAction.decode(ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const { userId } = action;
    switch (action.action) {
      case 'refresh':
        await ctx.answerCallbackQuery();
        return refreshCard(ctx, userId);
      case 'ban':
        assertCan(ctx.staff, 'users.ban');
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(BAN_CONVERSATION, userId.toString());
      case 'unban': {
        const user = await unbanUser(deps.db, { staff: ctx.staff, userId });
        await notifyTarget(deps, user, 'unban-notice');
        await ctx.answerCallbackQuery({ text: ctx.t('admin-unban-done', { name: fullName(user) }) });
        return refreshCard(ctx, userId);
      }
      case 'roles': {
        assertCan(ctx.staff, 'roles.manage');
        const card = await cardOrThrow(userId);
        await ctx.answerCallbackQuery();
        return ctx.editMessageText(ctx.t('admin-roles-title', { name: escapeHtml(fullName(card)) }), {
          parse_mode: 'HTML',
          reply_markup: rolesKeyboard(ctx, card),
        });
      }
      case 'revoke': {
        if (!(await withRoleErrors(ctx, () => revokeRole(deps.db, { staff: ctx.staff, userId })))) return;
        const card = await cardOrThrow(userId);
        await ctx.answerCallbackQuery({ text: ctx.t('admin-role-revoked', { name: fullName(card) }) });
        return refreshCard(ctx, userId);
      }
    }
  });

  feature.callbackQuery(grantAction.pattern, async (ctx) => {
    const grant = grantAction.decode(ctx.callbackQuery.data);
    if (!grant) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const role = grant.role as Parameters<typeof grantRole>[1]['role'];
    if (
      !(await withRoleErrors(ctx, () => grantRole(deps.db, { staff: ctx.staff, userId: grant.userId, role })))
    )
      return;
    const card = await cardOrThrow(grant.userId);
    await ctx.answerCallbackQuery({
      text: ctx.t('admin-role-granted', { name: fullName(card), role: ctx.t(`role-${role}`) }),
    });
    return refreshCard(ctx, grant.userId);
  });

  return feature;
}

/** A refused self-change is answered on the button; other failures go to the error handler. */
async function withRoleErrors(ctx: AdminBotContext, action: () => Promise<void>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    if (!isAppError(error, 'ROLE_SELF_CHANGE')) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t('admin-role-self'), show_alert: true });
    return false;
  }
}
