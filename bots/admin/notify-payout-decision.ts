import type { BotDeps } from '#bots/shared/deps.ts';
import { describePayoutRequest } from '#bots/shared/payout-text.ts';
import type { PayoutRequest } from '#core/db/generated/client.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';

/** Tells the user, through the user bot and the notify queue, what finance decided; once per decision. */
export async function notifyPayoutDecision(deps: BotDeps, request: PayoutRequest): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: request.userId }, select: { language: true } });
  const lang = user?.language ?? 'en';
  const t = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
  const args = {
    ...describePayoutRequest(t, request, lang),
    id: request.id.toString(),
    reason: request.rejectReason ?? '',
  };
  const key = request.status === 'rejected' ? 'payout-rejected-notice' : 'payout-paid-notice';
  await enqueueNotification(
    deps.notifyQueue,
    { bot: 'user', chatId: request.userId.toString(), userId: request.userId.toString(), text: t(key, args) },
    { dedupeKey: `payout-${request.id}-${request.status}` },
  );
}
