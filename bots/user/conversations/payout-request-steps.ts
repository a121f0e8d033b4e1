import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { parseMajorUnits } from '#bots/shared/parse-major-units.ts';
import { methodName } from '#bots/shared/payout-text.ts';
import { payoutChoice, type TPayoutChoice } from '#bots/user/payout-flow-state.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TLang } from '#core/i18n/translator.ts';
import type { Asset } from '#core/ledger/assets.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { formatPayoutAmount } from '#core/payouts/format-payout-amount.ts';
import { parseBankNameField, parseDestinationField } from '#core/payouts/parse-payout-destination.ts';
import type { PayoutCurrency, PayoutMethod } from '#core/payouts/payout-methods.ts';
import { convertPayoutAmount } from '#core/payouts/payout-rate.ts';

export type TConv = Conversation<UserBotContext, Context>;
export type TTranslate = (key: string, args?: Record<string, string>) => string;
type TAnswer = { ctx: Context; choice: TPayoutChoice | null; text: string | null };

/**
 * The next answer to the flow: one of its buttons for `steps`, or a text where `text` is wanted. /cancel
 * reaches the cancel command (which ends the flow); any other command or button ends the flow and is
 * handled as usual. A stale button of the flow, or a text where a button is wanted, is answered and waited on.
 */
export async function nextAnswer(
  conversation: TConv,
  want: { steps: TPayoutChoice['step'][]; text: boolean },
  tr: TTranslate,
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

/** Asks until `parse` takes the text; its refusal is the method's own message (payout-error-destination-invalid). */
async function askField(
  conversation: TConv,
  tr: TTranslate,
  parse: (text: string) => string,
  refusal: { method: PayoutMethod; field: 'destination' | 'bankName' },
): Promise<string> {
  for (;;) {
    const answer = await nextAnswer(conversation, { steps: [], text: true }, tr);
    try {
      return parse(answer.text ?? '');
    } catch (error) {
      if (!isAppError(error)) throw error;
      await answer.ctx.reply(tr('payout-error-destination-invalid', refusal));
    }
  }
}

/** The destination, checked as its method needs, and for SBP the bank (asked after `askBank` is shown). */
export async function askDestination(
  conversation: TConv,
  tr: TTranslate,
  method: PayoutMethod,
  askBank: () => Promise<unknown>,
): Promise<{ destination: string; bankName: string | null }> {
  const destination = await askField(conversation, tr, (text) => parseDestinationField(method, text), {
    method,
    field: 'destination',
  });
  if (method !== 'sbp_rub') return { destination, bankName: null };
  await askBank();
  const bankName = await askField(conversation, tr, parseBankNameField, { method, field: 'bankName' });
  return { destination, bankName };
}

/** An amount between the minimum and what is available, typed or "All"; out-of-range answers are explained. */
export async function askAmount(
  conversation: TConv,
  tr: TTranslate,
  terms: {
    asset: Asset;
    available: bigint;
    min: bigint;
    method: PayoutMethod;
    rate: bigint;
    currency: PayoutCurrency;
    lang: TLang;
  },
): Promise<bigint> {
  const money = (amount: bigint) => formatMoney(amount, terms.asset, terms.lang);
  for (;;) {
    const answer = await nextAnswer(conversation, { steps: ['all'], text: true }, tr);
    const amount = answer.choice ? terms.available : parseMajorUnits(answer.text ?? '', terms.asset);
    if (amount === null) await answer.ctx.reply(tr('payouts-amount-invalid'));
    else if (amount < terms.min) {
      const sent = convertPayoutAmount(terms.min, terms.asset, terms.rate, terms.currency);
      await answer.ctx.reply(
        tr('payouts-too-small', {
          method: methodName(tr, terms.method),
          min: money(terms.min),
          sent: formatPayoutAmount(sent, terms.currency, terms.lang),
        }),
      );
    } else if (amount > terms.available)
      await answer.ctx.reply(tr('payouts-insufficient', { available: money(terms.available) }));
    else return amount;
  }
}
