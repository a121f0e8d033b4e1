import type { BotDeps } from '#bots/shared/deps.ts';
import type { PayoutRequest } from '#core/db/generated/client.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';

/** Tells the partner, through the user bot and the notify queue, what finance decided; once per decision. */
export async function notifyPayoutDecision(
  deps: BotDeps,
  partnerUserId: bigint,
  request: PayoutRequest,
): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: partnerUserId }, select: { language: true } });
  const lang = user?.language ?? 'en';
  const args = {
    id: request.id.toString(),
    amount: formatMoney(request.amount, request.currency, lang),
    reason: request.rejectReason ?? '',
  };
  const key = request.status === 'rejected' ? 'payout-rejected-notice' : 'payout-paid-notice';
  await enqueueNotification(
    deps.notifyQueue,
    {
      bot: 'user',
      chatId: partnerUserId.toString(),
      userId: partnerUserId.toString(),
      text: deps.translator.t(lang, key, args),
    },
    { dedupeKey: `payout-${request.id}-${request.status}` },
  );
}
