import { recordAudit } from '#core/audit/record-audit.ts';
import type { PayoutRequest, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { type Asset, formatMinor } from '#core/ledger/assets.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { payoutDecimal } from './format-payout-amount.ts';
import { parsePayoutDestination } from './parse-payout-destination.ts';
import { isWithdrawable, METHOD_CURRENCY, type PayoutMethod } from './payout-methods.ts';
import { payoutMinimum } from './payout-minimum.ts';
import { PAYOUT_MINIMUMS } from './payout-minimums.ts';
import { convertPayoutAmount, formatRate } from './payout-rate.ts';
import { findPayoutRate } from './payout-rates.ts';
import { unspentTopUps } from './topped-up-balance.ts';

export interface TRequestPayout {
  userId: bigint;
  /** The balance to pay from. */
  asset: Asset;
  method: PayoutMethod;
  destination: string;
  /** SBP only: the recipient's bank. */
  bankName?: string | null;
  /** Minor units of `asset`, taken from the balance. */
  amount: bigint;
  /** The rate the user was shown (scaled); when finance changed it since, the request is refused, not repriced. */
  expectedRate?: bigint;
}

/**
 * A user asks for money from one of their balances (partner commission, GPU earnings) to be sent out. The
 * amount leaves the balance for `payouts_in_flight` in the transaction that records the request, so it cannot
 * be requested or spent twice while finance decides; the request keeps the rate and the amount to send.
 * Money leaving the platform needs a verified email, to reach the owner if a payout is disputed. Anyone with
 * such a balance may ask: a partner whose partnership ended keeps what they earned.
 */
export async function requestPayout(
  db: PrismaClient,
  input: TRequestPayout,
): Promise<{ request: PayoutRequest; balance: bigint }> {
  if (!isWithdrawable(input.asset)) throw new AppError('INVALID_INPUT', { field: 'asset' });
  if (input.amount <= 0n) throw new AppError('INVALID_INPUT', { field: 'amount' });
  const { destination, bankName } = parsePayoutDestination(input.method, input);
  const currency = METHOD_CURRENCY[input.method];
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.status === 'banned') throw new AppError('USER_BANNED', { reason: user.banReason ?? '' });
    if (!user.email || !user.emailVerifiedAt) throw new AppError('EMAIL_REQUIRED');
    const rate = await findPayoutRate(tx, input.asset, input.method);
    if (rate === null)
      throw new AppError('PAYOUT_METHOD_UNAVAILABLE', { asset: input.asset, method: input.method });
    if (input.expectedRate !== undefined && input.expectedRate !== rate)
      throw new AppError('PAYOUT_RATE_CHANGED', { rate: formatRate(rate) });
    const min = payoutMinimum(input.asset, input.method, rate);
    if (input.amount < min)
      throw new AppError('PAYOUT_TOO_SMALL', {
        min: formatMinor(min, input.asset),
        asset: input.asset,
        sent: payoutDecimal(PAYOUT_MINIMUMS[input.method].sent, currency),
        currency,
      });
    const locked = await unspentTopUps(tx, user.id, input.asset);
    if (locked > 0n) {
      const account = await tx.ledgerAccount.findUnique({
        where: { userId_asset: { userId: user.id, asset: input.asset } },
      });
      const withdrawable = (account?.balance ?? 0n) - (account?.held ?? 0n) - locked;
      if (input.amount > withdrawable)
        throw new AppError('PAYOUT_TOPUP_NOT_WITHDRAWABLE', {
          available: formatMinor(withdrawable > 0n ? withdrawable : 0n, input.asset),
          asset: input.asset,
        });
    }
    const payoutAmount = convertPayoutAmount(input.amount, input.asset, rate, currency);
    const request = await tx.payoutRequest.create({
      data: {
        userId: user.id,
        asset: input.asset,
        amount: input.amount,
        method: input.method,
        destination,
        bankName,
        rate: formatRate(rate),
        payoutAmount,
        payoutCurrency: currency,
      },
    });
    const terms = {
      payoutRequestId: request.id.toString(),
      method: input.method,
      rate: formatRate(rate),
      payoutAmount: payoutAmount.toString(),
      payoutCurrency: currency,
    };
    const posted = await postTransaction(tx, {
      key: `payout:${request.id}:request`,
      type: 'payout',
      actor: { type: 'user', id: user.id },
      reason: 'payout requested',
      metadata: terms,
      postings: [
        { account: { user: user.id, asset: input.asset }, amount: -input.amount },
        { account: { platform: 'payouts_in_flight', asset: input.asset }, amount: input.amount },
      ],
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'payout.request',
      targetUserId: user.id,
      after: { ...terms, asset: input.asset, amount: input.amount.toString() },
    });
    const balance = posted.entries.find((e) => e.amount < 0n)?.balanceAfter ?? 0n;
    return { request, balance };
  }, LEDGER_TX_OPTIONS);
}
