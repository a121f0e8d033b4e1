import { type Context, InlineKeyboard } from 'grammy';
import { attempt } from '#bots/shared/attempt.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { destinationText, methodName, rateSides } from '#bots/shared/payout-text.ts';
import { loadFlowOptions, payoutChoice } from '#bots/user/payout-flow-state.ts';
import { PROFILE_EMAIL_BUTTON } from '#bots/user/profile-view.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { formatPayoutAmount, formatPayoutRate } from '#core/payouts/format-payout-amount.ts';
import { DESTINATION_PROMPT_KEYS } from '#core/payouts/payout-method-keys.ts';
import { sameCurrency } from '#core/payouts/payout-methods.ts';
import { convertPayoutAmount, parseRate } from '#core/payouts/payout-rate.ts';
import { requestPayout } from '#core/payouts/request-payout.ts';
import { askAmount, askDestination, nextAnswer, type TConv } from './payout-request-steps.ts';

export const PAYOUT_CONVERSATION = 'payout-request';

/**
 * `/payout`: balance → method (with its rate) → destination (checked as the method needs) → amount (from the
 * minimum) → confirmation → the request. Each step asks again until the answer is valid; nothing is reserved
 * until the last press, and the request is refused if finance changed the rate shown in the meantime.
 */
export function createPayoutConversation(deps: BotDeps) {
  return async function payoutRequestConversation(conversation: TConv, ctx: Context) {
    const from = ctx.from;
    if (!from) return;
    const userId = BigInt(from.id);
    const lang = await conversation.external((outer) => outer.lang);
    const tr = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
    const data = (step: 'asset' | 'method' | 'all' | 'confirm' | 'cancel', value = 'x') =>
      payoutChoice.encode({ step, value });
    const cancelLabel = tr('payouts-cancel-button');
    const cancel = () => new InlineKeyboard().text(cancelLabel, data('cancel'));
    const emailButton = new InlineKeyboard().text(tr('profile-add-email'), PROFILE_EMAIL_BUTTON);

    const options = await conversation.external(() => loadFlowOptions(deps.db, userId));
    if (!options.emailVerified) return ctx.reply(tr('payouts-email-required'), { reply_markup: emailButton });
    let balance = options.balances[0];
    if (!balance) return ctx.reply(tr('payouts-nothing'));
    if (options.balances.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const b of options.balances)
        keyboard.text(formatMoney(BigInt(b.available), b.asset, lang), data('asset', b.asset)).row();
      await ctx.reply(tr('payouts-choose-balance'), {
        reply_markup: keyboard.text(cancelLabel, data('cancel')),
      });
      const answer = await nextAnswer(conversation, { steps: ['asset'], text: false }, tr);
      balance = options.balances.find((b) => b.asset === answer.choice?.value) ?? balance;
    }
    const asset = balance.asset;
    const available = BigInt(balance.available);
    const money = (amount: bigint) => formatMoney(amount, asset, lang);
    if (balance.methods.length === 0)
      return ctx.reply(tr('payouts-no-methods', { balance: money(available) }));

    const methods = new InlineKeyboard();
    for (const m of balance.methods) {
      const name = methodName(tr, m.method);
      const sides = rateSides(asset, BigInt(m.rate), m.currency, lang);
      const label = sameCurrency(asset, m.method)
        ? name
        : tr('payouts-method-with-rate', { method: name, ...sides });
      methods.text(label, data('method', m.method)).row();
    }
    await ctx.reply(tr('payouts-choose-method', { available: money(available) }), {
      reply_markup: methods.text(cancelLabel, data('cancel')),
    });
    const picked = await nextAnswer(conversation, { steps: ['method'], text: false }, tr);
    const option = balance.methods.find((m) => m.method === picked.choice?.value);
    if (!option) return;
    const { method, currency } = option;
    const rate = BigInt(option.rate);
    const min = BigInt(option.min);

    await ctx.reply(tr(DESTINATION_PROMPT_KEYS[method]), { reply_markup: cancel() });
    const { destination, bankName } = await askDestination(conversation, tr, method, () =>
      ctx.reply(tr('payouts-ask-bank'), { reply_markup: cancel() }),
    );

    const rateLine = sameCurrency(asset, method)
      ? tr('payouts-same-currency')
      : tr('payouts-rate-line', rateSides(asset, rate, currency, lang));
    const amountKeyboard = cancel();
    if (available >= min)
      amountKeyboard.text(tr('payouts-all-button', { amount: money(available) }), data('all'));
    await ctx.reply(
      tr('payouts-ask-amount', { available: money(available), min: money(min), rate: rateLine }),
      {
        reply_markup: amountKeyboard,
      },
    );
    const amount = await askAmount(conversation, tr, { asset, available, min, method, rate, currency, lang });

    const send = formatPayoutAmount(convertPayoutAmount(amount, asset, rate, currency), currency, lang);
    const where = destinationText(tr, { destination, bankName });
    const summary = {
      amount: money(amount),
      method: escapeHtml(methodName(tr, method)),
      destination: escapeHtml(where),
      rate: escapeHtml(rateLine),
      send,
    };
    await ctx.reply(tr('payouts-confirm', summary), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard()
        .text(tr('payouts-confirm-button'), data('confirm'))
        .text(cancelLabel, data('cancel')),
    });
    await nextAnswer(conversation, { steps: ['confirm'], text: false }, tr);

    const result = await conversation.external(() =>
      attempt(async () => {
        const input = { userId, asset, method, destination, bankName, amount, expectedRate: rate };
        const created = await requestPayout(deps.db, input);
        return { id: created.request.id.toString(), balance: created.balance.toString() };
      }),
    );
    if (result.ok) {
      const left = money(BigInt(result.value.balance));
      const args = { id: result.value.id, send, destination: where, amount: money(amount), balance: left };
      return ctx.reply(tr('payouts-requested', args));
    }
    switch (result.code) {
      case 'PAYOUT_RATE_CHANGED': {
        const now = parseRate(String(result.details.rate)) ?? rate;
        return ctx.reply(tr('payouts-rate-changed', { rate: formatPayoutRate(now, currency, lang) }));
      }
      case 'PAYOUT_METHOD_UNAVAILABLE':
        return ctx.reply(tr('payouts-method-gone'));
      case 'INSUFFICIENT_FUNDS': {
        const now = await conversation.external(() => loadFlowOptions(deps.db, userId));
        const left = BigInt(now.balances.find((b) => b.asset === asset)?.available ?? '0');
        return ctx.reply(tr('payouts-insufficient', { available: money(left) }));
      }
      case 'EMAIL_REQUIRED':
        return ctx.reply(tr('payouts-email-required'), { reply_markup: emailButton });
      default:
        return ctx.reply(tr('error-invalid-input'));
    }
  };
}
