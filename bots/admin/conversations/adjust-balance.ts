import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { moneyStep } from '#bots/admin/callbacks.ts';
import { notifyTarget } from '#bots/admin/notify-target.ts';
import { parseAdjustment, type TAdjustment } from '#bots/admin/parse-money-input.ts';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, fullName } from '#bots/shared/format.ts';
import { adjustBalance } from '#core/ledger/adjust-balance.ts';
import type { Asset } from '#core/ledger/assets.ts';
import { getWallet, type TWallet } from '#core/ledger/wallet.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';

export const ADJUST_CONVERSATION = 'adjust-balance';

/**
 * The correction waiting for its button; amounts as strings because conversation state is JSON. `nonce` is the
 * id of the admin's message it was read from: its buttons carry it, and it keys the ledger transaction.
 */
interface TPending {
  asset: Asset;
  amount: string;
  reason: string;
  nonce: string;
}

const ERROR_KEYS: Record<string, string> = {
  FORBIDDEN: 'error-forbidden',
  USER_NOT_FOUND: 'error-user-not-found',
  INVALID_INPUT: 'error-invalid-input',
};

const assetLabel = (ctx: AdminBotContext, asset: Asset) =>
  asset === 'TOKEN' ? ctx.t('admin-asset-tokens') : asset;
const signed = (amount: bigint, asset: Asset, lang: 'ru' | 'en') =>
  formatMoney(amount, asset, lang, { signed: true });

function balanceOf(wallet: TWallet, asset: Asset): { balance: bigint; available: bigint } {
  if (asset === 'TOKEN') return wallet.tokens;
  return wallet.money.find((m) => m.asset === asset) ?? { balance: 0n, available: 0n };
}

/**
 * "💰 Balance ±": the admin types `+5000 reason` (or `RUB -150.00 reason`), sees the balance before and after,
 * and confirms. A debit past what is available is applied only through the explicit "Allow negative" button.
 * Only the newest confirmation's buttons count, and its ledger key makes a repeated press apply once.
 */
export function createAdjustBalanceConversation(deps: BotDeps) {
  return async function adjustBalanceConversation(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    userIdText: string,
  ) {
    const userId = BigInt(userIdText);
    const start = await conversation.external(async (outer) => {
      const user = await deps.db.user.findUnique({ where: { id: userId } });
      if (!user) {
        await outer.reply(outer.t('error-user-not-found'));
        return null;
      }
      const wallet = await getWallet(deps.db, userId);
      const lang = outer.lang;
      const money = wallet.money.map((m) => formatMoney(m.balance, m.asset, lang)).join(' · ');
      const name = escapeHtml(fullName(user));
      await outer.reply(
        outer.t('admin-adjust-ask', {
          name,
          tokens: formatTokens(wallet.tokens.balance, lang),
          money: money || outer.t('admin-none'),
        }),
        {
          parse_mode: 'HTML',
          reply_markup: new InlineKeyboard().text(
            outer.t('admin-button-cancel'),
            moneyStep.encode({ action: 'cancel', nonce: '0' }),
          ),
        },
      );
      return { name };
    });
    if (!start) return;
    let pending: TPending | null = null;
    for (;;) {
      const next = await conversation.wait();
      const step = moneyStep.decode(next.callbackQuery?.data ?? '');
      if (step?.action === 'cancel') {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      if (step && pending && step.nonce === pending.nonce) {
        await next.answerCallbackQuery();
        const confirmed = pending;
        const allowNegative = step.action === 'negative';
        const done = await conversation.external((outer) =>
          apply(deps, outer, { userId, name: start.name, pending: confirmed, allowNegative }),
        );
        if (done) return;
        continue;
      }
      const text = next.message?.text?.trim();
      if (text?.startsWith('/') || (next.callbackQuery && !text)) await conversation.skip({ next: true });
      const adjustment = text ? parseAdjustment(text) : null;
      if (!adjustment) {
        await conversation.external((outer) =>
          outer.reply(outer.t('admin-adjust-invalid'), { parse_mode: 'HTML' }),
        );
        continue;
      }
      const nonce = String(next.message?.message_id ?? 0);
      pending = await conversation.external((outer) =>
        preview(deps, outer, { userId, nonce, name: start.name, adjustment }),
      );
    }
  };
}

/** Shows before → after from the balance as it stands, and which button the admin gets. */
async function preview(
  deps: BotDeps,
  ctx: AdminBotContext,
  input: { userId: bigint; nonce: string; name: string; adjustment: TAdjustment },
): Promise<TPending> {
  const { asset, amount, reason } = input.adjustment;
  const lang = ctx.lang;
  const { balance, available } = balanceOf(await getWallet(deps.db, input.userId), asset);
  const lines = [
    ctx.t('admin-adjust-confirm', {
      name: input.name,
      asset: assetLabel(ctx, asset),
      before: formatMoney(balance, asset, lang),
      after: formatMoney(balance + amount, asset, lang),
      diff: signed(amount, asset, lang),
      reason: escapeHtml(reason),
    }),
  ];
  const overdraft = amount < 0n && -amount > available;
  if (overdraft)
    lines.push(
      '',
      ctx.t('admin-adjust-overdraft', {
        available: formatMoney(available, asset, lang),
        after: formatMoney(balance + amount, asset, lang),
      }),
    );
  await ctx.reply(lines.join('\n'), {
    parse_mode: 'HTML',
    reply_markup: confirmKeyboard(ctx, input.nonce, overdraft),
  });
  return { asset, amount: amount.toString(), reason, nonce: input.nonce };
}

function confirmKeyboard(ctx: AdminBotContext, nonce: string, overdraft: boolean): InlineKeyboard {
  return new InlineKeyboard()
    .text(
      ctx.t(overdraft ? 'admin-button-allow-negative' : 'admin-button-apply'),
      moneyStep.encode({ action: overdraft ? 'negative' : 'apply', nonce }),
    )
    .text(ctx.t('admin-button-cancel'), moneyStep.encode({ action: 'cancel', nonce }));
}

/** Applies the correction; false keeps the conversation open (the balance moved and it now needs a "yes"). */
async function apply(
  deps: BotDeps,
  ctx: AdminBotContext,
  input: { userId: bigint; name: string; pending: TPending; allowNegative: boolean },
): Promise<boolean> {
  const { asset, reason } = input.pending;
  const amount = BigInt(input.pending.amount);
  const result = await attempt(async () => {
    const posted = await adjustBalance(deps.db, {
      staff: ctx.staff,
      userId: input.userId,
      asset,
      amount,
      reason,
      key: `admin-adjust:${ctx.staff.id}:${input.pending.nonce}`,
      allowNegative: input.allowNegative,
    });
    return { before: posted.before.toString(), after: posted.after.toString(), duplicate: posted.duplicate };
  });
  const lang = ctx.lang;
  if (!result.ok && result.code === 'INSUFFICIENT_FUNDS') {
    // The balance changed since the preview: the same correction, now only with an explicit "yes".
    const { balance, available } = balanceOf(await getWallet(deps.db, input.userId), asset);
    await ctx.reply(
      ctx.t('admin-adjust-overdraft', {
        available: formatMoney(available, asset, lang),
        after: formatMoney(balance + amount, asset, lang),
      }),
      { parse_mode: 'HTML', reply_markup: confirmKeyboard(ctx, input.pending.nonce, true) },
    );
    return false;
  }
  await ctx.editMessageReplyMarkup();
  if (!result.ok) {
    await ctx.reply(ctx.t(ERROR_KEYS[result.code] ?? 'error-generic'));
    return true;
  }
  const { before, after, duplicate } = result.value;
  await ctx.reply(
    ctx.t('admin-adjust-done', {
      name: input.name,
      asset: assetLabel(ctx, asset),
      before: formatMoney(BigInt(before), asset, lang),
      after: formatMoney(BigInt(after), asset, lang),
    }),
    { parse_mode: 'HTML' },
  );
  // A repeated key moved nothing: the user was told the first time.
  if (!duplicate) {
    const user = await deps.db.user.findUniqueOrThrow({ where: { id: input.userId } });
    await notifyTarget(deps, user, 'balance-adjusted-notice', {
      asset,
      diff: signed(amount, asset, user.language),
      reason,
      balance: formatMoney(BigInt(after), asset, user.language),
    });
  }
  return true;
}
