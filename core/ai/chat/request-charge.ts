import type { TAdminModel } from '#core/ai/models/list-models.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import type { Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { capture, release, reserve } from '#core/ledger/holds.ts';
import { getWallet } from '#core/ledger/wallet.ts';

/**
 * Why a request is allowed: paid from the balance (a hold), free on an unlimited day (text models only), or
 * free because a subscriber at zero balance keeps the mini text model (the AI-bot spec, 5.4).
 */
export type TChargeMode = 'balance' | 'unlimited' | 'subscriber';

export interface TCharge {
  mode: TChargeMode;
  price: bigint;
  /** Set when tokens are held: capture on delivery, release on any failure. */
  holdKey: string | null;
}

/**
 * Chat, transcription and speech answer within seconds; the hold outlives the slowest of them with room to
 * spare, and ledger maintenance releases it if the process died before settling.
 */
export const INSTANT_HOLD_TTL_MS = 15 * 60_000;

/**
 * Decides how a request is paid and reserves the tokens when it is paid. The order is the spec's: an
 * unlimited day first, then the balance (available = balance minus other holds, checked by the reservation
 * itself, so parallel requests cannot overspend), then the subscriber's free model.
 *
 * Refuses with `INSUFFICIENT_FUNDS { price, available, subscriber, freeModel? }`.
 */
export async function openCharge(
  db: PrismaClient,
  input: {
    userId: bigint;
    model: Pick<TAdminModel, 'id' | 'kind' | 'tokenPrice' | 'freeForSubscribers'>;
    holdKey: string;
    now?: Date;
  },
): Promise<TCharge> {
  const now = input.now ?? new Date();
  const { model } = input;
  const plan = await aiPlanOf(db, input.userId, now);
  if (model.kind === 'text' && plan.unlimitedUntil && plan.unlimitedUntil > now)
    return { mode: 'unlimited', price: model.tokenPrice, holdKey: null };
  if (model.tokenPrice === 0n) return { mode: 'balance', price: 0n, holdKey: null };
  try {
    await reserve(db, {
      key: input.holdKey,
      userId: input.userId,
      asset: 'TOKEN',
      amount: model.tokenPrice,
      reason: `ai:${model.id}`,
      ttlMs: INSTANT_HOLD_TTL_MS,
      now,
    });
    return { mode: 'balance', price: model.tokenPrice, holdKey: input.holdKey };
  } catch (error) {
    if (!isAppError(error, 'INSUFFICIENT_FUNDS')) throw error;
  }
  if (plan.subscriber && model.freeForSubscribers === true)
    return { mode: 'subscriber', price: model.tokenPrice, holdKey: null };
  const wallet = await getWallet(db, input.userId, now);
  throw new AppError('INSUFFICIENT_FUNDS', {
    asset: 'TOKEN',
    price: model.tokenPrice.toString(),
    available: (wallet.tokens.available > 0n ? wallet.tokens.available : 0n).toString(),
    subscriber: plan.subscriber ? 1 : 0,
    model: model.id,
  });
}

/** What the request actually cost the user. */
export const chargedAmount = (charge: TCharge): bigint => (charge.holdKey ? charge.price : 0n);

/** The result was delivered: the held tokens are spent. Free requests have nothing to capture. */
export async function captureCharge(
  db: PrismaClient,
  charge: TCharge,
  input: { reason: string; metadata?: Prisma.InputJsonObject },
): Promise<void> {
  if (!charge.holdKey) return;
  await capture(db, { key: charge.holdKey, amount: charge.price, ...input });
}

/** Anything failed: the tokens go back. Releasing twice, or a free request, is harmless. */
export async function releaseCharge(db: PrismaClient, charge: TCharge | null): Promise<void> {
  if (charge?.holdKey) await release(db, charge.holdKey);
}
