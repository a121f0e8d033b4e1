import { toLang } from '#core/i18n/translator.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNoticeDeps } from '../notices/send-vpn-notice.ts';
import { INVITER_BONUS_DAYS } from './reward-inviter.ts';

const DAY_MS = 86_400_000;
/** Rewards older than this are not news (a worker that was off for a week says nothing late). */
const FRESH_DAYS = 3;
export const INVITE_REWARD_NOTICE = 'invite_reward';

/**
 * Tells inviters of the days their friend's first payment brought them. The reward itself is given in the
 * payment's transaction (rewardInviter), which has no queue; this runs with the hourly loyalty job. Each
 * reward is claimed once in vpn_notices (period = the invite's id) in the transaction that enqueues it.
 */
export async function notifyInviteRewards(deps: TNoticeDeps, now = new Date()): Promise<number> {
  const rewarded = await deps.db.vpnInvite.findMany({
    where: { rewardedAt: { gt: new Date(now.getTime() - FRESH_DAYS * DAY_MS) } },
    select: { id: true, inviterId: true, redeemedById: true },
  });
  let sent = 0;
  for (const invite of rewarded) {
    const told = await deps.db.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO vpn_notices (user_id, kind, period)
        VALUES (${invite.inviterId}, ${INVITE_REWARD_NOTICE}, ${invite.id.toString()})
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return false;
      const [inviter, friend] = await Promise.all([
        tx.user.findUnique({ where: { id: invite.inviterId }, select: { language: true } }),
        invite.redeemedById
          ? tx.user.findUnique({ where: { id: invite.redeemedById }, select: { firstName: true } })
          : null,
      ]);
      if (!inviter) return false;
      const text = deps.translator.t(toLang(inviter.language), 'invite-reward-notice', {
        name: friend?.firstName ?? '—',
        days: INVITER_BONUS_DAYS,
      });
      await enqueueNotification(
        deps.notifyQueue,
        { bot: 'user', chatId: invite.inviterId.toString(), userId: invite.inviterId.toString(), text },
        { dedupeKey: `vpn-invite-reward-${invite.id}` },
      );
      return true;
    });
    if (told) sent++;
  }
  return sent;
}
