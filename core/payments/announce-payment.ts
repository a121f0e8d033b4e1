import type { Queue } from 'bullmq';
import type { Payment, PrismaClient } from '#core/db/generated/client.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import type { TReferralBonus } from '#core/referrals/referral-bonus.ts';

export interface TAnnounceDeps {
  db: PrismaClient;
  queue: Queue<TNotifyJob>;
  translator: Translator;
}

const productTitle = (t: Translator, lang: 'ru' | 'en', payment: Payment) =>
  t.t(lang, (payment.product as { titleKey?: string }).titleKey ?? payment.productId);

/**
 * Tells people about a payment outside a direct reply (webhook-confirmed payments, referral bonuses), through
 * the notify queue; the dedupe keys make a re-delivered webhook announce once.
 */
export async function announcePayment(
  deps: TAnnounceDeps,
  outcome: { payment: Payment; referralBonus: TReferralBonus | null },
  opts: { toBuyer: boolean },
): Promise<void> {
  const { payment } = outcome;
  if (opts.toBuyer) {
    const buyer = await deps.db.user.findUniqueOrThrow({
      where: { id: payment.userId },
      select: { language: true },
    });
    const text =
      payment.status === 'succeeded'
        ? await paymentReceivedText(deps, payment, buyer.language)
        : deps.translator.t(buyer.language, 'payment-canceled', {
            product: productTitle(deps.translator, buyer.language, payment),
          });
    await enqueueNotification(
      deps.queue,
      {
        bot: 'user',
        chatId: payment.userId.toString(),
        userId: payment.userId.toString(),
        text,
      },
      { dedupeKey: `payment-${payment.id}-${payment.status}` },
    );
  }
  const bonus = outcome.referralBonus;
  if (bonus) {
    const referrer = await deps.db.user.findUniqueOrThrow({
      where: { id: bonus.referrerId },
      select: { language: true },
    });
    await enqueueNotification(
      deps.queue,
      {
        bot: 'user',
        chatId: bonus.referrerId.toString(),
        userId: bonus.referrerId.toString(),
        text: deps.translator.t(referrer.language, 'referral-bonus-notice', {
          tokens: formatTokens(bonus.tokens, referrer.language),
        }),
      },
      { dedupeKey: `referral-${payment.id}` },
    );
  }
}

/**
 * A paid service whose outside part (a panel account, a listing) is still being set up: the buyer hears that
 * it is on its way, and gets a second message from the worker when it is ready.
 */
export async function pendingServiceNote(
  deps: Pick<TAnnounceDeps, 'db' | 'translator'>,
  payment: Payment,
  lang: TLang,
): Promise<string | null> {
  if (payment.status !== 'succeeded') return null;
  const pending = await deps.db.serviceOperation.count({
    where: { paymentId: payment.id, status: 'pending' },
  });
  return pending > 0 ? deps.translator.t(lang, 'payment-service-pending') : null;
}

/**
 * What the buyer reads when a payment succeeds (the bot's reply to a Stars payment and the webhook
 * announcement alike): the token balance for what tokens pay for; for a service with an outside part (a VPN
 * account…), no balance but a note that it is being set up, or nothing more once it is ready.
 */
export async function paymentReceivedText(
  deps: Pick<TAnnounceDeps, 'db' | 'translator'>,
  payment: Payment,
  lang: TLang,
): Promise<string> {
  const product = productTitle(deps.translator, lang, payment);
  const operations = await deps.db.serviceOperation.count({ where: { paymentId: payment.id } });
  if (operations > 0) {
    const pending = await pendingServiceNote(deps, payment, lang);
    const text = deps.translator.t(lang, 'payment-succeeded-service', { product });
    return pending ? `${text}\n${pending}` : text;
  }
  const wallet = await getWallet(deps.db, payment.userId);
  return deps.translator.t(lang, 'payment-succeeded', {
    product,
    tokens: formatTokens(wallet.tokens.available, lang),
  });
}
