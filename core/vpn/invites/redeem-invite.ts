import type { PrismaClient } from '#core/db/generated/client.ts';
import { grantBonusDays } from '../bonuses/grant-days.ts';
import { parseInviteCode } from './invite-code.ts';
import { inviteStatus } from './issue-invites.ts';

export type TRedeemOutcome =
  | { ok: true; days: number; expiresAt: Date; inviterId: bigint; inviteId: bigint }
  | { ok: false; reason: 'not_found' | 'used' | 'expired' | 'own' | 'has_history' | 'already_invited' };

/**
 * A friend redeems an invite code: the code's free days (grantBonusDays, source `invite`), once per code and
 * once per friend, and only for someone new to the VPN. New means no VPN period but the trial: signup may
 * start the trial by itself (VPN_TRIAL_AT_SIGNUP), so a friend who signed up a moment before tapping the
 * link is still new; anyone who paid, was invited or was given days before is not. The friend's lock (the
 * one the trial takes) and the code's row lock make two redemptions at once come out as one.
 */
export async function redeemInvite(
  db: PrismaClient,
  input: { userId: bigint; code: string; now?: Date },
): Promise<TRedeemOutcome> {
  const now = input.now ?? new Date();
  const code = parseInviteCode(input.code);
  if (!code) return { ok: false, reason: 'not_found' };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('vpn-user:' || ${input.userId}::text, 0))`;
    const [locked] = await tx.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM vpn_invites WHERE code = ${code} FOR UPDATE`;
    const invite = locked ? await tx.vpnInvite.findUnique({ where: { id: locked.id } }) : null;
    if (!invite) return { ok: false, reason: 'not_found' } as const;
    if (invite.inviterId === input.userId) return { ok: false, reason: 'own' } as const;
    const period = await tx.vpnPeriod.findUnique({
      where: { id: invite.periodId },
      select: { revokedAt: true },
    });
    const status = inviteStatus(invite, now, period?.revokedAt != null);
    if (status !== 'available') return { ok: false, reason: status } as const;
    if (await tx.vpnInvite.findUnique({ where: { redeemedById: input.userId }, select: { id: true } }))
      return { ok: false, reason: 'already_invited' } as const;
    if ((await tx.vpnPeriod.count({ where: { userId: input.userId, source: { not: 'trial' } } })) > 0)
      return { ok: false, reason: 'has_history' } as const;
    await tx.vpnInvite.update({
      where: { id: invite.id },
      data: { redeemedById: input.userId, redeemedAt: now },
    });
    const expiresAt = await grantBonusDays(tx, {
      userId: input.userId,
      days: invite.friendDays,
      source: 'invite',
      now,
      key: `vpn:invite:${invite.id}`,
    });
    return {
      ok: true,
      days: invite.friendDays,
      expiresAt,
      inviterId: invite.inviterId,
      inviteId: invite.id,
    } as const;
  });
}
