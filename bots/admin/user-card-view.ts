import { InlineKeyboard } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc, fullName } from '#bots/shared/format.ts';
import type { TUserCard } from '#core/accounts/find-user.ts';
import { can, ROLES } from '#core/accounts/permissions.ts';
import type { TStaff } from '#core/accounts/staff.ts';
import type { TWallet } from '#core/ledger/wallet.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import { balanceButton, cardAction, grantAction, userPaymentsButton } from './callbacks.ts';
import { vpnCardButton, vpnCardLine } from './vpn-card-view.ts';

/** The card with the user's balances as `getWallet` reports them (callers load it next to the card). */
export function renderUserCard(
  ctx: AdminBotContext,
  card: TUserCard,
  wallet: TWallet,
): { text: string; keyboard: InlineKeyboard } {
  const none = ctx.t('admin-none');
  const recent = card.loginEvents
    .map((e) =>
      [formatUtc(e.createdAt), e.source, e.kind, e.ip ?? '', e.userAgent?.slice(0, 40) ?? ''].filter(Boolean),
    )
    .map((parts) => `• ${escapeHtml(parts.join(' · '))}`)
    .join('\n');
  const text = ctx.t('admin-user-card', {
    name: escapeHtml(fullName(card)),
    username: card.username ? ` (@${escapeHtml(card.username)})` : '',
    id: card.id.toString(),
    language: card.language,
    email: card.email ? escapeHtml(card.email) : none,
    status:
      card.status === 'banned'
        ? ctx.t('admin-status-banned', { reason: escapeHtml(card.banReason ?? none) })
        : ctx.t('admin-status-active'),
    role: card.role ? ctx.t(`role-${card.role.role}`) : none,
    created: card.signedUpAt
      ? formatUtc(card.signedUpAt)
      : `${formatUtc(card.createdAt)} (${ctx.t('admin-not-signed-up')})`,
    lastActive: formatUtc(card.lastActiveAt),
    blocked: card.botBlockedAt
      ? ctx.t('admin-yes', { since: formatUtc(card.botBlockedAt) })
      : ctx.t('admin-no'),
    sessions: card._count.loginEvents,
    recent: recent || none,
  });
  const vpn = vpnCardLine(ctx, card.vpnSubscription);
  return {
    text: `${text}\n${walletLines(ctx, wallet)}\n${vpn}`,
    keyboard: cardKeyboard(ctx, ctx.staff, card),
  };
}

function walletLines(ctx: AdminBotContext, wallet: TWallet): string {
  const lang = ctx.lang;
  const tokens = ctx.t('admin-card-tokens', {
    balance: formatTokens(wallet.tokens.balance, lang),
    held: formatTokens(wallet.tokens.held, lang),
  });
  const money = wallet.money.map((m) => formatMoney(m.balance, m.asset, lang)).join(' · ');
  return `${tokens}\n${ctx.t('admin-card-money', { money: money || ctx.t('admin-none') })}`;
}

function cardKeyboard(ctx: AdminBotContext, staff: TStaff, card: TUserCard): InlineKeyboard {
  const userId = card.id.toString();
  const self = card.id === staff.id;
  const account = [
    can(staff.role, 'users.ban') &&
      !self &&
      InlineKeyboard.text(
        ctx.t(card.status === 'banned' ? 'admin-button-unban' : 'admin-button-ban'),
        cardAction.encode({ action: card.status === 'banned' ? 'unban' : 'ban', userId }),
      ),
    can(staff.role, 'roles.manage') &&
      !self &&
      InlineKeyboard.text(ctx.t('admin-button-roles'), cardAction.encode({ action: 'roles', userId })),
  ];
  const money = [
    can(staff.role, 'money.adjust') &&
      InlineKeyboard.text(ctx.t('admin-button-balance'), balanceButton.encode({ userId })),
    can(staff.role, 'users.view') &&
      InlineKeyboard.text(ctx.t('admin-button-payments'), userPaymentsButton.encode({ userId })),
    can(staff.role, 'users.view') && vpnCardButton(ctx, card.id),
  ];
  const refresh = [
    InlineKeyboard.text(ctx.t('admin-button-refresh'), cardAction.encode({ action: 'refresh', userId })),
  ];
  // Telegram keyboards must not carry empty rows, so rows are built from what this role may press.
  return InlineKeyboard.from(
    [account, money, refresh].map((row) => row.filter((b) => b !== false)).filter((row) => row.length > 0),
  );
}

export function rolesKeyboard(ctx: AdminBotContext, card: TUserCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const userId = card.id.toString();
  ROLES.forEach((role, i) => {
    const mark = card.role?.role === role ? '✓ ' : '';
    keyboard.text(`${mark}${ctx.t(`role-${role}`)}`, grantAction.encode({ role, userId }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (card.role) keyboard.text(ctx.t('admin-button-revoke'), cardAction.encode({ action: 'revoke', userId }));
  return keyboard.text(ctx.t('admin-button-back'), cardAction.encode({ action: 'refresh', userId }));
}
