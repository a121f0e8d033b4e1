import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { grantBonusDays } from '../bonuses/grant-days.ts';

/** Spec 001 §14.1: the inviter gets 7 days when the invited friend pays. */
export const INVITER_BONUS_DAYS = 7;

/**
 * Called in the transaction of every VPN plan payment (core/vpn/fulfilments/vpn-plan.ts). A friend can only
 * redeem a code before ever paying (redeemInvite), so the first payment after redeeming is the friend's first
 * payment; the code's row is claimed under its lock with the payment's id, so the inviter is rewarded once
 * per code however often a payment is confirmed, and a later payment finds the code already rewarded.
 */
export async function rewardInviter(
  tx: TTx,
  input: { buyerId: bigint; paymentId: bigint; now: Date },
): Promise<{ inviterId: bigint } | null> {
  const [invite] = await tx.$queryRaw<{ id: bigint; inviter_id: bigint }[]>`
    SELECT id, inviter_id FROM vpn_invites
    WHERE redeemed_by_id = ${input.buyerId} AND reward_payment_id IS NULL
    FOR UPDATE`;
  if (!invite) return null;
  await tx.vpnInvite.update({
    where: { id: invite.id },
    data: { rewardPaymentId: input.paymentId, rewardedAt: input.now },
  });
  await grantBonusDays(tx, {
    userId: invite.inviter_id,
    days: INVITER_BONUS_DAYS,
    source: 'invite',
    now: input.now,
    key: `vpn:invite-reward:${input.paymentId}`,
  });
  return { inviterId: invite.inviter_id };
}
