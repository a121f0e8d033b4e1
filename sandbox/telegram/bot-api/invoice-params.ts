import type { LabeledPrice } from 'grammy/types';
import { z } from 'zod';
import type { StoredInvoice } from '#sandbox/telegram/state/payment-store.ts';
import { badRequest, parameterRequired } from './api-error.ts';
import { str } from './params.ts';

/**
 * Invoice parameters of sendInvoice and createInvoiceLink. prices and the tip
 * amounts are read by hand below to reproduce tdlib/telegram-bot-api's own
 * error texts (get_input_message_invoice, get_labeled_price_parts).
 *
 * need_name, need_phone_number, need_email, need_shipping_address,
 * send_phone_number_to_provider, send_email_to_provider, is_flexible,
 * provider_data and photo_size/width/height are "Ignored for payments in
 * Telegram Stars", the only payments modelled, so they are not read.
 */
export const invoiceOptions = {
  title: str().optional(),
  description: str().optional(),
  payload: str().optional(),
  provider_token: str().optional(),
  currency: str().optional(),
  prices: z.unknown().optional(),
  max_tip_amount: z.unknown().optional(),
  suggested_tip_amounts: z.unknown().optional(),
  photo_url: str().optional(),
};

type InvoiceParams = z.output<z.ZodObject<typeof invoiceOptions>>;

/** An invoice as parsed by the Bot API layer, before tdlib's and Telegram's checks. */
export interface InvoiceDraft {
  invoice: StoredInvoice;
  providerToken: string;
  maxTipAmount: number;
  suggestedTipAmounts: number[];
}

const INTEGER = /^[-+]?\d+$/;
/** tdlib's check_currency_amount bound. */
const MAX_CURRENCY_AMOUNT = 9999_9999_9999;
/**
 * UNVERIFIED: the largest Stars invoice Telegram accepts. Amounts outside a
 * currency's range fail with CURRENCY_TOTAL_AMOUNT_INVALID; 10 000 is the cap
 * documented for Stars subscriptions, assumed here for all Stars invoices.
 */
const MAX_STARS_AMOUNT = 10_000;
/** "Currently, it must always be 2592000 (30 days) if specified." */
const SUBSCRIPTION_PERIOD = 2_592_000;

/** The Bot API treats an empty string like a missing parameter. */
function required(value: string | undefined, name: string): string {
  if (!value) throw parameterRequired(name);
  return value;
}

function parseJson(raw: unknown, error: string): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(error);
  }
}

/** A JSON number, or a string of digits (tdlib's get_required_long_field accepts both). */
function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && INTEGER.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

/**
 * One LabeledPrice. UNVERIFIED: the texts for a missing or mistyped field are
 * tdlib's JSON helpers' as remembered ("Can't find field", "must be …").
 */
function labeledPrice(value: unknown): LabeledPrice {
  const fail = (reason: string) => badRequest(`can't parse labeled price: ${reason}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail('LabeledPrice must be an Object');
  }
  const { label, amount } = value as { label?: unknown; amount?: unknown };
  if (label === undefined) throw fail('Can\'t find field "label"');
  if (typeof label !== 'string') throw fail('Field "label" must be of type String');
  if (label === '') throw fail('LabeledPrice label must be non-empty');
  if (amount === undefined) throw fail('Can\'t find field "amount"');
  const parsed = integer(amount);
  if (parsed === undefined) throw fail('Field "amount" must be a valid Number');
  return { label, amount: parsed };
}

function readPrices(raw: unknown): LabeledPrice[] {
  if (raw === undefined || raw === null || raw === '') throw parameterRequired('prices');
  const value = parseJson(raw, "can't parse prices JSON object");
  if (!Array.isArray(value)) throw badRequest('expected an Array of labeled prices');
  const prices = value.map(labeledPrice);
  if (prices.length === 0) throw badRequest('there must be at least one price');
  return prices;
}

function readMaxTip(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const amount = integer(raw);
  if (amount === undefined) throw badRequest('can\'t parse "max_tip_amount" as Number');
  return amount;
}

function readSuggestedTips(raw: unknown): number[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const value = parseJson(raw, "can't parse suggested_tip_amounts JSON object");
  if (!Array.isArray(value)) throw badRequest('expected an Array of suggested tip amounts');
  return value.map((tip: unknown) => {
    if (typeof tip !== 'number' && typeof tip !== 'string') {
      throw badRequest('suggested tip amount must be of type Number or String');
    }
    const amount = integer(tip);
    if (amount === undefined) throw badRequest("can't parse suggested tip amount as Number");
    return amount;
  });
}

/**
 * The Bot API layer: required parameters (title, description, payload,
 * currency, prices, in that order) and JSON parsing. These errors come before
 * any chat lookup.
 */
export function readInvoice(
  botId: number,
  params: InvoiceParams,
  extra: { startParameter?: string; subscriptionPeriod?: number } = {},
): InvoiceDraft {
  const title = required(params.title, 'title');
  const description = required(params.description, 'description');
  const payload = required(params.payload, 'payload');
  const currency = required(params.currency, 'currency');
  const prices = readPrices(params.prices);
  const invoice: StoredInvoice = {
    botId,
    title,
    description,
    payload,
    currency,
    prices,
    totalAmount: prices.reduce((sum, price) => sum + price.amount, 0),
    startParameter: extra.startParameter ?? '',
    ...(params.photo_url ? { photoUrl: params.photo_url } : {}),
    ...(extra.subscriptionPeriod !== undefined ? { subscriptionPeriod: extra.subscriptionPeriod } : {}),
  };
  return {
    invoice,
    providerToken: params.provider_token ?? '',
    maxTipAmount: readMaxTip(params.max_tip_amount),
    suggestedTipAmounts: readSuggestedTips(params.suggested_tip_amounts),
  };
}

/** tdlib's InputInvoice::process_input_message_invoice checks, in its order. */
function checkAmounts(draft: InvoiceDraft): void {
  for (const price of draft.invoice.prices) {
    if (Math.abs(price.amount) > MAX_CURRENCY_AMOUNT) {
      throw badRequest('too big amount of the currency specified');
    }
  }
  if (draft.invoice.totalAmount <= 0) throw badRequest('total price must be positive');
  if (draft.invoice.totalAmount > MAX_CURRENCY_AMOUNT) throw badRequest('total price is too big');
  if (draft.maxTipAmount < 0 || draft.maxTipAmount > MAX_CURRENCY_AMOUNT) {
    throw badRequest('invalid max_tip_amount of the currency specified');
  }
  for (const tip of draft.suggestedTipAmounts) {
    if (tip <= 0) throw badRequest('suggested tip amount must be positive');
    if (tip > draft.maxTipAmount)
      throw badRequest("suggested tip amount can't be bigger than max_tip_amount");
  }
  if (draft.suggestedTipAmounts.length > 4) throw badRequest('there can be at most 4 suggested tip amounts');
}

/**
 * Telegram's own checks, answered with its server error names.
 *
 * - Only Telegram Stars exist here: no payment provider is connected to any
 *   bot, so another currency fails like a bot without a provider does
 *   (PAYMENT_PROVIDER_INVALID, seen for an empty provider_token with a non-XTR
 *   currency).
 * - A Stars invoice with a provider token, tips (seen live) or more than one
 *   price ("Must contain exactly one item for payments in Telegram Stars")
 *   is STARS_INVOICE_INVALID.
 * - UNVERIFIED which names Telegram uses for an over-long payload, title or
 *   description and a wrong subscription period; the names below are the
 *   closest server errors known (INVOICE_PAYLOAD_INVALID is documented for
 *   payments.exportInvoice).
 */
function checkStarsInvoice(draft: InvoiceDraft): void {
  const { invoice } = draft;
  if (invoice.currency !== 'XTR') throw badRequest('PAYMENT_PROVIDER_INVALID');
  if (
    draft.providerToken !== '' ||
    invoice.prices.length !== 1 ||
    draft.maxTipAmount > 0 ||
    draft.suggestedTipAmounts.length > 0
  ) {
    throw badRequest('STARS_INVOICE_INVALID');
  }
  if (invoice.totalAmount > MAX_STARS_AMOUNT) throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
  if (Buffer.byteLength(invoice.payload) > 128) throw badRequest('INVOICE_PAYLOAD_INVALID');
  if ([...invoice.title].length > 32) throw badRequest('INVOICE_TITLE_INVALID');
  if ([...invoice.description].length > 255) throw badRequest('INVOICE_DESCRIPTION_INVALID');
  if (invoice.subscriptionPeriod !== undefined && invoice.subscriptionPeriod !== SUBSCRIPTION_PERIOD) {
    throw badRequest('SUBSCRIPTION_PERIOD_INVALID');
  }
}

/** tdlib's and then Telegram's validation of a parsed invoice. */
export function validateInvoice(draft: InvoiceDraft): StoredInvoice {
  checkAmounts(draft);
  checkStarsInvoice(draft);
  return draft.invoice;
}
