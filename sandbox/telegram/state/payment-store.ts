import { randomBytes, randomInt } from 'node:crypto';
import type { LabeledPrice, User } from 'grammy/types';
import { unixTime } from './conversation.ts';

/** An invoice as the bot created it: what the user sees plus the bot-only payload. */
export interface StoredInvoice {
  botId: number;
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: LabeledPrice[];
  totalAmount: number;
  /** "" when the bot gave none; Invoice.start_parameter is always present. */
  startParameter: string;
  photoUrl?: string;
  /** Seconds between payments of a Stars subscription (createInvoiceLink only). */
  subscriptionPeriod?: number;
}

/** A successful payment, identified by its telegram_payment_charge_id. */
export interface Charge {
  id: string;
  botId: number;
  user: User;
  invoice: StoredInvoice;
  date: number;
  refunded: boolean;
}

/** One entry of the bot's Stars ledger: an incoming payment or an outgoing refund. */
export interface StarLedgerEntry {
  charge: Charge;
  direction: 'incoming' | 'outgoing';
  date: number;
}

export type PreCheckoutAnswer = { ok: true } | { ok: false; errorMessage: string };

interface PendingPreCheckout {
  botId: number;
  /** Settles the waiting payment; undefined means no answer in time. */
  settle(answer: PreCheckoutAnswer | undefined): void;
}

/**
 * "Telegram Stars charge ids observed in production run well past 128
 * characters" (reported by bot developers): `stx` and a long base64url tail,
 * so bots that store them in short columns fail here as they would live.
 */
function newChargeId(): string {
  return `stx${randomBytes(105).toString('base64url')}`;
}

/**
 * Invoices (sent as messages or behind t.me/$slug links), pending
 * pre-checkout queries, charges and each bot's Stars ledger.
 *
 * Simplification: users' Stars balances are not modelled, so any user can
 * pay any invoice, and the bots' own balances (getMyStarBalance) are not kept.
 */
export class PaymentStore {
  readonly #links = new Map<string, StoredInvoice>();
  readonly #messageInvoices = new Map<string, { invoice: StoredInvoice; paid: boolean }>();
  readonly #charges = new Map<string, Charge>();
  readonly #ledgers = new Map<number, StarLedgerEntry[]>();
  readonly #pending = new Map<string, PendingPreCheckout>();
  // Like callback queries: opaque 64-bit numbers rendered as strings.
  #nextQueryId = BigInt(randomInt(1, 2 ** 40)) * 1_000_000n;

  /** @param preCheckoutTimeoutMs How long a pre-checkout query waits for the bot (Telegram: 10 s). */
  constructor(readonly preCheckoutTimeoutMs: number) {}

  /** Remembers the invoice behind a createInvoiceLink slug. */
  addLink(invoice: StoredInvoice): string {
    // Real slugs are 27 base64url characters (20 bytes).
    const slug = randomBytes(20).toString('base64url');
    this.#links.set(slug, invoice);
    return slug;
  }

  link(slug: string): StoredInvoice | undefined {
    return this.#links.get(slug);
  }

  attachToMessage(botId: number, chatId: number, messageId: number, invoice: StoredInvoice): void {
    this.#messageInvoices.set(`${botId}:${chatId}:${messageId}`, { invoice, paid: false });
  }

  /** The invoice of a message; `paid` once a user paid it (clients then show a receipt). */
  messageInvoice(
    botId: number,
    chatId: number,
    messageId: number,
  ): { invoice: StoredInvoice; paid: boolean } | undefined {
    return this.#messageInvoices.get(`${botId}:${chatId}:${messageId}`);
  }

  /**
   * Opens a pre-checkout query. `answer` resolves with the bot's answer, or
   * with undefined when none arrives within the timeout (or on release()); the query is then forgotten, so a late answerPreCheckoutQuery fails
   * as on Telegram.
   */
  openPreCheckout(botId: number): { id: string; answer: Promise<PreCheckoutAnswer | undefined> } {
    const id = String(this.#nextQueryId++);
    const answer = new Promise<PreCheckoutAnswer | undefined>((resolve) => {
      const settle = (result: PreCheckoutAnswer | undefined) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(result);
      };
      const timer = setTimeout(() => settle(undefined), this.preCheckoutTimeoutMs);
      this.#pending.set(id, { botId, settle });
    });
    return { id, answer };
  }

  /** false when the query is unknown, another bot's, answered or expired. */
  answerPreCheckout(id: string, botId: number, answer: PreCheckoutAnswer): boolean {
    const pending = this.#pending.get(id);
    if (!pending || pending.botId !== botId) return false;
    pending.settle(answer);
    return true;
  }

  /** Records a successful payment: a new charge and an incoming ledger entry. */
  recordPayment(botId: number, user: User, invoice: StoredInvoice): Charge {
    const charge: Charge = { id: newChargeId(), botId, user, invoice, date: unixTime(), refunded: false };
    this.#charges.set(charge.id, charge);
    this.#ledger(botId).push({ charge, direction: 'incoming', date: charge.date });
    return charge;
  }

  markMessagePaid(botId: number, chatId: number, messageId: number): void {
    const entry = this.#messageInvoices.get(`${botId}:${chatId}:${messageId}`);
    if (entry) entry.paid = true;
  }

  charge(botId: number, chargeId: string): Charge | undefined {
    const charge = this.#charges.get(chargeId);
    return charge?.botId === botId ? charge : undefined;
  }

  /** Marks the charge refunded and books the outgoing ledger entry. */
  refund(charge: Charge): void {
    charge.refunded = true;
    this.#ledger(charge.botId).push({ charge, direction: 'outgoing', date: unixTime() });
  }

  /** The bot's ledger "in chronological order" (getStarTransactions). */
  ledger(botId: number): readonly StarLedgerEntry[] {
    return this.#ledger(botId);
  }

  /** Settles every waiting pre-checkout query as unanswered (server shutdown). */
  release(): void {
    for (const pending of [...this.#pending.values()]) pending.settle(undefined);
  }

  #ledger(botId: number): StarLedgerEntry[] {
    let ledger = this.#ledgers.get(botId);
    if (!ledger) {
      ledger = [];
      this.#ledgers.set(botId, ledger);
    }
    return ledger;
  }
}
