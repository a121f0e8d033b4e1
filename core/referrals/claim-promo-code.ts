import type { PrismaClient, PromoCode } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { lockPromoCode, readPromoUsage } from './lock-promo-code.ts';
import { normalizePromoCode, promoRefusal } from './promo-rules.ts';

export type TClaimResult =
  | { kind: 'bonus'; promo: PromoCode; tokens: bigint; balance: bigint }
  /** `replaced`: the user had another discount waiting; only one applies at a time. */
  | { kind: 'discount'; promo: PromoCode; replaced: boolean };

/**
 * `/promo CODE`. A bonus code is redeemed at once: tokens credited (a perpetual `promo` grant) and the
 * redemption recorded, both under the code's row lock with the limits checked and the counter moved in the
 * same transaction. A discount code is only remembered (one PromoClaim per user): it is redeemed when a
 * payment with it succeeds (core/referrals/record-promo-redemption.ts), so an abandoned checkout costs nothing.
 */
export async function claimPromoCode(
  db: PrismaClient,
  input: { userId: bigint; code: string; now?: Date },
): Promise<TClaimResult> {
  const now = input.now ?? new Date();
  const code = normalizePromoCode(input.code);
  if (!code) throw new AppError('PROMO_REFUSED', { reason: 'not_found' });
  const result = await db.$transaction(async (tx): Promise<TClaimResult> => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { status: true, banReason: true },
    });
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.status === 'banned') throw new AppError('USER_BANNED', { reason: user.banReason ?? '' });
    const promo = await lockPromoCode(tx, { code });
    if (!promo) throw new AppError('PROMO_REFUSED', { reason: 'not_found' });
    const usage = await readPromoUsage(tx, promo.id, input.userId);
    const refusal = promoRefusal(promo, usage, now);
    if (refusal) throw new AppError('PROMO_REFUSED', { reason: refusal, code });

    if (promo.kind !== 'bonus_tokens') {
      const existing = await tx.promoClaim.findUnique({ where: { userId: input.userId } });
      await tx.promoClaim.upsert({
        where: { userId: input.userId },
        create: { userId: input.userId, promoCodeId: promo.id, claimedAt: now },
        update: { promoCodeId: promo.id, claimedAt: now },
      });
      return { kind: 'discount', promo, replaced: existing !== null && existing.promoCodeId !== promo.id };
    }

    const tokens = promo.bonusTokens ?? 0n;
    if (tokens <= 0n) throw new AppError('INVALID_INPUT', { field: 'bonusTokens' });
    // The n-th use by this user: a retried request after a commit finds its own key and moves nothing twice.
    const n = usage.userRedemptions + 1;
    const posted = await creditTokens(tx, {
      key: `promo:${promo.id}:${input.userId}:${n}`,
      userId: input.userId,
      amount: tokens,
      source: 'promo',
      expiresAt: null,
      type: 'bonus',
      actor: { type: 'user', id: input.userId },
      reason: `promo ${code}`,
      metadata: { promoCodeId: promo.id.toString(), code },
    });
    await tx.promoRedemption.create({
      data: { promoCodeId: promo.id, userId: input.userId, transactionId: posted.transactionId },
    });
    const counted = await tx.promoCode.update({
      where: { id: promo.id },
      data: { redemptionsCount: { increment: 1 } },
    });
    return { kind: 'bonus', promo: counted, tokens, balance: 0n };
  }, LEDGER_TX_OPTIONS);
  if (result.kind !== 'bonus') return result;
  const wallet = await getWallet(db, input.userId, now);
  return { ...result, balance: wallet.tokens.available };
}
