import type { PrismaClient } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { announcePayment, type TAnnounceDeps } from '#core/payments/announce-payment.ts';
import { confirmPaymentUnlessBusy } from '#core/payments/confirm-payment.ts';
import { parsePaymentReference } from '#core/payments/start-checkout.ts';
import {
  positionKey,
  readStarTransactions,
  type TStarCursorStore,
  type TStarTransactionWindow,
} from './read-star-transactions.ts';
import { invoicePaymentOf, isRefund, type TStarTransactionSource } from './star-transactions.ts';

export interface TReconcileStarDeps {
  db: PrismaClient;
  transactions: TStarTransactionSource;
  cursor: TStarCursorStore;
  /** Where the buyer is told about a payment this run credits (the notify queue). */
  announce: TAnnounceDeps;
}

export interface TReconcileStarInput {
  /**
   * A charge younger than this is left to the bot: its update may be on its way or being handled, and the
   * bot answers the buyer in the chat itself. The next run takes it if the bot did not.
   */
  minAgeMs: number;
  now?: Date;
}

export interface TChargeReport {
  chargeId: string;
  payload: string;
  payerId: number | undefined;
  amount: number;
  paymentId?: string;
  /** Why nothing was credited (conflicts and failures). */
  reason?: string;
}

export interface TStarReconciliation {
  /** Telegram offsets read this run, and whether the cursor had to be dropped. */
  window: { from: number; to: number; restarted: boolean; truncated: boolean };
  /** Offset the next run starts from: every transaction before it is settled. */
  settledThrough: number;
  credited: TChargeReport[];
  alreadyBooked: number;
  /** Paid, never booked and refunded on Telegram since: nothing to credit. */
  refunded: TChargeReport[];
  /** The payload names no payment of ours: support has to look (the Stars are with the bot). */
  unmatched: TChargeReport[];
  /** A payment that was paid another way, canceled, or for another amount: support refunds or credits. */
  conflicts: TChargeReport[];
  /** Someone holds the payment row right now (the bot confirming it): the next run looks again. */
  busy: TChargeReport[];
  failed: TChargeReport[];
  /** Credited, but the buyer could not be told (the notify queue failed). */
  unannounced: TChargeReport[];
  tooYoung: number;
}

type TChargeOutcome =
  | 'credited'
  | 'credited-unannounced'
  | 'booked'
  | 'refunded'
  | 'unmatched'
  | 'conflict'
  | 'busy'
  | 'failed';

/**
 * Credits every user payment that Telegram has and we never booked, once, by its charge id: the safety net
 * for a `successful_payment` update that was never handled (dropped while the app was down, confirmed to
 * Telegram before it was handled, or whose handling failed and was answered all the same). Reuses `confirmPayment`'s rules (amount, currency and provider must match; a payment is
 * paid by one charge) and tells the buyer through the notify queue. A charge refunded on Telegram before we
 * booked it is never credited. Safe to run concurrently: the payment row lock decides, and a charge whose
 * row is locked is left for the next run.
 */
export async function reconcileStarPayments(
  deps: TReconcileStarDeps,
  input: TReconcileStarInput,
): Promise<TStarReconciliation> {
  const now = input.now ?? new Date();
  const window = await readStarTransactions(deps.transactions, await deps.cursor.read());
  const refundedIds = new Set<string>();
  for (const transaction of window.entries)
    if (transaction && isRefund(transaction)) refundedIds.add(transaction.id);
  const result = emptyResult(window);
  // The cursor moves over settled transactions only, and only over an unbroken run of them.
  let settledCount = 0;
  let unbroken = true;
  for (const transaction of window.entries) {
    // Unreadable entries, refunds, withdrawals and other kinds of income are not payments to book.
    const charge = transaction && invoicePaymentOf(transaction);
    let settled = true;
    if (transaction && charge) {
      if (transaction.date * 1000 > now.getTime() - input.minAgeMs) {
        result.tooYoung++;
        settled = false;
      } else {
        const report: TChargeReport = { ...charge };
        const outcome = await reconcileCharge(deps, report, refundedIds.has(charge.chargeId));
        settled = record(result, outcome, report);
      }
    }
    if (settled && unbroken) settledCount++;
    else unbroken = false;
  }
  result.settledThrough = window.from + settledCount;
  const last = window.entries[settledCount - 1];
  if (settledCount > 0 && last !== undefined)
    await deps.cursor.write({ offset: result.settledThrough, lastKey: positionKey(last) });
  return result;
}

function emptyResult(window: TStarTransactionWindow): TStarReconciliation {
  return {
    window: {
      from: window.from,
      to: window.from + window.entries.length,
      restarted: window.restarted,
      truncated: window.truncated,
    },
    settledThrough: window.from,
    credited: [],
    alreadyBooked: 0,
    refunded: [],
    unmatched: [],
    conflicts: [],
    busy: [],
    failed: [],
    unannounced: [],
    tooYoung: 0,
  };
}

/** Files the charge under its outcome; true when nothing is left to do for it, now or later. */
function record(result: TStarReconciliation, outcome: TChargeOutcome, report: TChargeReport): boolean {
  switch (outcome) {
    case 'credited':
      result.credited.push(report);
      return true;
    case 'credited-unannounced':
      result.credited.push(report);
      result.unannounced.push(report);
      return true;
    case 'booked':
      result.alreadyBooked++;
      return true;
    case 'refunded':
      result.refunded.push(report);
      return true;
    case 'unmatched':
      result.unmatched.push(report);
      return true;
    case 'conflict':
      result.conflicts.push(report);
      return true;
    case 'busy':
      result.busy.push(report);
      return false;
    case 'failed':
      result.failed.push(report);
      return false;
  }
}

async function reconcileCharge(
  deps: TReconcileStarDeps,
  charge: TChargeReport,
  refunded: boolean,
): Promise<TChargeOutcome> {
  const paymentId = parsePaymentReference(charge.payload);
  if (paymentId === null) return 'unmatched';
  charge.paymentId = paymentId.toString();
  const payment = await deps.db.payment.findUnique({
    where: { id: paymentId },
    select: { provider: true, providerPaymentId: true },
  });
  if (!payment) return 'unmatched';
  if (payment.provider === 'stars' && payment.providerPaymentId === charge.chargeId) return 'booked';
  if (refunded) return 'refunded';
  try {
    const outcome = await confirmPaymentUnlessBusy(deps.db, {
      paymentId,
      provider: 'stars',
      providerPaymentId: charge.chargeId,
      amount: BigInt(charge.amount),
      currency: 'XTR',
      raw: { reconciledFrom: 'getStarTransactions', chargeId: charge.chargeId, payload: charge.payload },
    });
    if (outcome === null) return 'busy';
    if (!outcome.fulfilled) return 'booked';
    try {
      await announcePayment(deps.announce, outcome, { toBuyer: true });
      return 'credited';
    } catch (error) {
      // The money is booked all the same; the report names the buyer to tell by hand.
      charge.reason = error instanceof Error ? error.message : String(error);
      return 'credited-unannounced';
    }
  } catch (error) {
    if (isAppError(error, 'PAYMENT_NOT_FOUND')) return 'unmatched';
    if (isAppError(error, 'PAYMENT_MISMATCH') || isAppError(error, 'PAYMENT_NOT_PENDING')) {
      charge.reason = `${error.code} ${JSON.stringify(error.details)}`;
      return 'conflict';
    }
    charge.reason = error instanceof Error ? error.message : String(error);
    return 'failed';
  }
}
