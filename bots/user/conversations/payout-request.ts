import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { attempt } from '#bots/shared/attempt.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { parseMajorUnits } from '#bots/shared/parse-major-units.ts';
import { destinationText, methodName, rateSides } from '#bots/shared/payout-text.ts';
import { loadFlowOptions, payoutChoice, type TPayoutChoice } from '#bots/user/payout-flow-steps.ts';
import { PROFILE_EMAIL_BUTTON } from '#bots/user/profile-view.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { toLang } from '#core/i18n/translator.ts';
import { formatMoney } from '#core/ledger/format-money.ts';
import { formatPayoutAmount, formatPayoutRate } from '#core/payouts/format-payout-amount.ts';
import { parseBankNameField, parseDestinationField } from '#core/payouts/parse-payout-destination.ts';
import { DESTINATION_PROMPT_KEYS } from '#core/payouts/payout-method-keys.ts';
import { convertPayoutAmount, parseRate, RATE_ONE } from '#core/payouts/payout-rate.ts';
import { requestPayout } from '#core/payouts/request-payout.ts';

export const PAYOUT_CONVERSATION = 'payout-request';

type TConv = Conversation<UserBotContext, Context>;
type TAnswer = { ctx: Context; choice: TPayoutChoice | null; text: string | null };

/**
 * The next answer to this flow: one of its buttons for `steps`, or a text where `text` is wanted. /cancel
 * reaches the cancel command (which ends the flow); any other command or button ends the flow and is
 * handled as usual. A stale button of this flow or a text where a button is wanted is answered and waited on.
 */
async function nextAnswer(
  conversation: TConv,
  want: { steps: TPayoutChoice['step'][]; text: boolean },
  tr: (key: string) => string,
): Promise<TAnswer> {
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text?.trim() ?? null;
    if (text === '/cancel' || text?.startsWith('/cancel@')) await conversation.skip({ next: true });
    if (text?.startsWith('/')) await conversation.halt({ next: true });
    const data = next.callbackQuery?.data;
    if (data === undefined) {
      if (text && want.text) return { ctx: next, choice: null, text };
      await next.reply(tr(want.text ? 'payouts-text-only' : 'payouts-use-buttons'));
      continue;
    }
    const choice = payoutChoice.decode(data);
    if (!choice) await conversation.halt({ next: true });
    if (choice?.step === 'cancel') {
      await next.answerCallbackQuery();
      await next.reply(tr('cancelled'));
      await conversation.halt();
    }
    if (!choice || !want.steps.includes(choice.step)) {
      await next.answerCallbackQuery({ text: tr('button-expired') });
      continue;
    }
    await next.answerCallbackQuery();
    return { ctx: next, choice, text: null };
  }
}

/**
 * `/payout`: balance → method (with its rate) → destination (checked as the method needs) → amount (with the
 * minimum) → confirmation → the request. Each step re-asks until the answer is valid; nothing is reserved
 * until the last press, and the request is refused if finance changed the rate shown in the meantime.
 */
export function createPayoutConversation(deps: BotDeps) {
  return async function payoutRequestConversation(conversation: TConv, ctx: Context) {
    const from = ctx.from;
    if (!from) return;
    const userId = BigInt(from.id);
    const lang = toLang(await conversation.external((outer) => outer.account?.language ?? 'en'));
    const tr = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
    const cancelRow = () =>
      new InlineKeyboard().text(
        tr('payouts-cancel-button'),
        payoutChoice.encode({ step: 'cancel', value: 'x' }),
      );
    const options = await conversation.external(() => loadFlowOptions(deps.db, userId));
    if (!options.emailVerified) {
      await ctx.reply(tr('payouts-email-required'), {
        reply_markup: new InlineKeyboard().text(tr('profile-add-email'), PROFILE_EMAIL_BUTTON),
      });
      return;
    }
    if (options.balances.length === 0) {
      await ctx.reply(tr('payouts-nothing'));
      return;
    }

    let balance = options.balances[0];
    if (options.balances.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const b of options.balances)
        keyboard
          .text(
            formatMoney(BigInt(b.available), b.asset, lang),
            payoutChoice.encode({ step: 'asset', value: b.asset }),
          )
          .row();
      await ctx.reply(tr('payouts-choose-balance'), { reply_markup: keyboard.append(cancelRow()) });
      const answer = await nextAnswer(conversation, { steps: ['asset'], text: false }, tr);
      balance = options.balances.find((b) => b.asset === answer.choice?.value) ?? balance;
    }
    if (!balance) return;
    const asset = balance.asset;
    const available = BigInt(balance.available);
    const money = (amount: bigint) => formatMoney(amount, asset, lang);
    if (balance.methods.length === 0) {
      await ctx.reply(tr('payouts-no-methods', { balance: money(available) }));
      return;
    }

    const methods = new InlineKeyboard();
    for (const m of balance.methods) {
      const rate = BigInt(m.rate);
      const label =
        rate === RATE_ONE && (m.currency as string) === asset
          ? methodName(tr, m.method)
          : tr('payouts-method-with-rate', {
              method: methodName(tr, m.method),
              ...rateSides(asset, rate, m.currency, lang),
            });
      methods.text(label, payoutChoice.encode({ step: 'method', value: m.method })).row();
    }
    await ctx.reply(tr('payouts-choose-method', { available: money(available) }), {
      reply_markup: methods.append(cancelRow()),
    });
    const picked = await nextAnswer(conversation, { steps: ['method'], text: false }, tr);
    const option = balance.methods.find((m) => m.method === picked.choice?.value);
    if (!option) return;
    const { method, currency } = option;
    const rate = BigInt(option.rate);
    const min = BigInt(option.min);

    await ctx.reply(tr(DESTINATION_PROMPT_KEYS[method]), { reply_markup: cancelRow() });
    let destination = '';
    while (!destination) {
      const answer = await nextAnswer(conversation, { steps: [], text: true }, tr);
      try {
        destination = parseDestinationField(method, answer.text ?? '');
      } catch (error) {
        if (!isAppError(error)) throw error;
        await answer.ctx.reply(tr('payout-error-destination-invalid', { method, field: 'destination' }));
      }
    }
    let bankName: string | null = null;
    if (method === 'sbp_rub') {
      await ctx.reply(tr('payouts-ask-bank'), { reply_markup: cancelRow() });
      while (bankName === null) {
        const answer = await nextAnswer(conversation, { steps: [], text: true }, tr);
        try {
          bankName = parseBankNameField(answer.text ?? '');
        } catch (error) {
          if (!isAppError(error)) throw error;
          await answer.ctx.reply(tr('payout-error-destination-invalid', { method, field: 'bankName' }));
        }
      }
    }

    const sameCurrency = (currency as string) === asset;
    const rateLine = sameCurrency
      ? tr('payouts-same-currency')
      : tr('payouts-rate-line', rateSides(asset, rate, currency, lang));
    const amountKeyboard = cancelRow();
    if (available >= min)
      amountKeyboard
        .row()
        .text(
          tr('payouts-all-button', { amount: money(available) }),
          payoutChoice.encode({ step: 'all', value: 'x' }),
        );
    await ctx.reply(
      tr('payouts-ask-amount', { available: money(available), min: money(min), rate: rateLine }),
      {
        reply_markup: amountKeyboard,
      },
    );
    let amount = 0n;
    while (amount === 0n) {
      const answer = await nextAnswer(conversation, { steps: ['all'], text: true }, tr);
      const typed = answer.choice ? available : parseMajorUnits(answer.text ?? '', asset);
      if (typed === null) await answer.ctx.reply(tr('payouts-amount-invalid'));
      else if (typed < min)
        await answer.ctx.reply(
          tr('payouts-too-small', {
            method: methodName(tr, method),
            min: money(min),
            sent: formatPayoutAmount(convertPayoutAmount(min, asset, rate, currency), currency, lang),
          }),
        );
      else if (typed > available)
        await answer.ctx.reply(tr('payouts-insufficient', { available: money(available) }));
      else amount = typed;
    }

    const send = formatPayoutAmount(convertPayoutAmount(amount, asset, rate, currency), currency, lang);
    const where = destinationText(tr, { destination, bankName });
    await ctx.reply(
      tr('payouts-confirm', {
        amount: money(amount),
        method: escapeHtml(methodName(tr, method)),
        destination: escapeHtml(where),
        rate: escapeHtml(rateLine),
        send,
      }),
      {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard()
          .text(tr('payouts-confirm-button'), payoutChoice.encode({ step: 'confirm', value: 'x' }))
          .append(cancelRow()),
      },
    );
    await nextAnswer(conversation, { steps: ['confirm'], text: false }, tr);

    const result = await conversation.external(() =>
      attempt(async () => {
        const { request, balance: left } = await requestPayout(deps.db, {
          userId,
          asset,
          method,
          destination,
          bankName,
          amount,
          expectedRate: rate,
        });
        return { id: request.id.toString(), balance: left.toString() };
      }),
    );
    if (result.ok) {
      await ctx.reply(
        tr('payouts-requested', {
          id: result.value.id,
          send,
          destination: where,
          amount: money(amount),
          balance: money(BigInt(result.value.balance)),
        }),
      );
      return;
    }
    switch (result.code) {
      case 'PAYOUT_RATE_CHANGED':
        await ctx.reply(
          tr('payouts-rate-changed', {
            rate: formatPayoutRate(parseRate(String(result.details.rate)) ?? rate, currency, lang),
          }),
        );
        return;
      case 'PAYOUT_METHOD_UNAVAILABLE':
        await ctx.reply(tr('payouts-method-gone'));
        return;
      case 'INSUFFICIENT_FUNDS': {
        const now = await conversation.external(() => loadFlowOptions(deps.db, userId));
        const left = now.balances.find((b) => b.asset === asset)?.available ?? '0';
        await ctx.reply(tr('payouts-insufficient', { available: money(BigInt(left)) }));
        return;
      }
      case 'EMAIL_REQUIRED':
        await ctx.reply(tr('payouts-email-required'), {
          reply_markup: new InlineKeyboard().text(tr('profile-add-email'), PROFILE_EMAIL_BUTTON),
        });
        return;
      default:
        await ctx.reply(tr('error-invalid-input'));
    }
  };
}
