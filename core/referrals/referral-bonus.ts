import type { Payment, Prisma } from '#core/db/generated/client.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { purchaseGrant } from '#core/payments/fulfilments/purchase-tokens.ts';

/** The referrer's share of the tokens their invitee buys. */
export const REFERRAL_SHARE_PERCENT = 50n;

export interface TReferralBonus {
  referrerId: bigint;
  tokens: bigint;
  expiresAt: Date | null;
}

/**
 * When a referred user pays, the referrer gets half the purchased tokens, as a grant that expires when the
 * purchase's grant does. Cycles cannot arise: a referrer is set only when an account is created, and only
 * to an account that already exists (core/accounts/touch-user.ts), which also refuses one's own code.
 */
export async function creditReferralBonus(
  tx: Prisma.TransactionClient,
  payment: Payment,
): Promise<TReferralBonus | null> {
  const buyer = await tx.user.findUnique({ where: { id: payment.userId }, select: { referredById: true } });
  if (!buyer?.referredById) return null;
  const grant = await purchaseGrant(tx, payment.id);
  if (!grant) return null;
  const tokens = (grant.amount * REFERRAL_SHARE_PERCENT) / 100n;
  if (tokens === 0n) return null;
  await creditTokens(tx, {
    key: `payment:${payment.id}:referral`,
    userId: buyer.referredById,
    amount: tokens,
    source: 'referral',
    expiresAt: grant.expiresAt,
    type: 'referral',
    actor: { type: 'system' },
    reason: 'referral bonus',
    metadata: { paymentId: payment.id.toString(), referredUserId: payment.userId.toString() },
  });
  return { referrerId: buyer.referredById, tokens, expiresAt: grant.expiresAt };
}
