import type { Queue } from 'bullmq';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import type { Translator } from '#core/i18n/translator.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import { walletBalance } from '#core/payments/wallet/wallet-balance.ts';

export interface TAutoRenewDeps {
  db: PrismaClient;
  queue: Queue<TNotifyJob>;
  translator: Translator;
}

export type TAutoRenewNoticeKind = 'autorenew_3d' | 'autorenew_1d' | 'autorenew_no_funds';

/**
 * Takes the one right to send a notice of this kind for this period (the expiry it is about): the row in
 * vpn_notices is inserted once, so two runs or two workers never both send it.
 */
export async function claimNotice(
  db: PrismaClient,
  input: { userId: bigint; kind: TAutoRenewNoticeKind; period: Date },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO vpn_notices (user_id, kind, period) VALUES (${input.userId}, ${input.kind}, ${input.period.toISOString()})
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}

/** Sends one auto-renew message; the text's money and date are put in the user's language and zone. */
export async function sendAutoRenewNotice(
  deps: TAutoRenewDeps,
  input: {
    userId: bigint;
    key: 'vpn-autorenew-soon' | 'vpn-autorenew-soon-short' | 'vpn-autorenew-done' | 'vpn-autorenew-no-funds';
    product: { titleKey: string; rub: bigint };
    expiresAt: Date;
    dedupeKey: string;
    now: Date;
  },
): Promise<void> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { language: true, timeZone: true },
  });
  const lang = user.language;
  const balance = await walletBalance(deps.db, input.userId);
  const missing = input.product.rub > balance ? input.product.rub - balance : 0n;
  const text = deps.translator.t(lang, input.key, {
    date: formatLocalTime(input.expiresAt, { timeZone: user.timeZone, lang, now: input.now }),
    plan: deps.translator.t(lang, input.product.titleKey),
    price: formatMoney(input.product.rub, 'RUB', lang),
    balance: formatMoney(balance, 'RUB', lang),
    missing: formatMoney(missing, 'RUB', lang),
  });
  await enqueueNotification(
    deps.queue,
    { bot: 'user', chatId: input.userId.toString(), userId: input.userId.toString(), text },
    { dedupeKey: input.dedupeKey },
  );
}
