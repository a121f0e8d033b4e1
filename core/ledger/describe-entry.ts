import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiKind } from '#core/db/generated/client.ts';
import type { TLocalizedText } from '#core/i18n/localized-text.ts';
import { METHOD_LABEL_KEYS } from '#core/payouts/payout-method-keys.ts';
import type { TEntryFacts, TEntryLookups } from './entry-facts.ts';

// Keys live in locales/<lang>/history-lines.ftl. Brand and model names are not translated; product titles are
// the products' own keys, as the shop shows them.

/** What a line says when its transaction names nothing more precise: the kind of movement. */
const plain = (entry: TEntryFacts): TLocalizedText => ({ key: `history-desc-type-${entry.type}` });

/**
 * What one movement of a user's balance was for, as a text in the reader's language: the model and the kind
 * of work a spend paid for, the product and payment method of a purchase, what a refund took back, which promo
 * code or invitee a bonus came from, what expired. Pure: the transaction's facts and what they point at are
 * read beforehand (load-entry-lookups.ts), so the bot's /history and the Mini App's history say the same.
 */
export function describeEntry(entry: TEntryFacts, lookups: TEntryLookups): TLocalizedText {
  const meta = entry.metadata;
  switch (entry.type) {
    case 'spend':
    case 'topup': {
      // A spend names its AI work; one that paid for a payment (the wallet's debit) is a purchase like a top-up.
      const work = entry.type === 'spend' ? describeSpend(entry, lookups) : null;
      if (work) return work;
      const product = purchasedProduct(entry, lookups);
      return product
        ? { key: 'history-desc-purchase', args: { product: product.title, provider: product.provider } }
        : plain(entry);
    }
    case 'refund':
    case 'reversal':
      return describeReversal(entry, lookups) ?? plain(entry);
    case 'manual':
      // The admin bot tells the user the reason with the correction itself; the internal API's is for us.
      return meta.adminId
        ? { key: 'history-desc-correction-reason', args: { reason: entry.reason } }
        : { key: 'history-desc-correction' };
    case 'bonus':
      return meta.code ? { key: 'history-desc-promo', args: { code: meta.code } } : plain(entry);
    case 'referral': {
      const invitee = meta.referredUserId ? lookups.invitees.get(meta.referredUserId) : undefined;
      return invitee
        ? { key: 'history-desc-referral', args: { name: invitee.firstName } }
        : { key: 'history-desc-referral-someone' };
    }
    case 'commission':
      return meta.percent !== undefined
        ? { key: 'history-desc-commission', args: { percent: meta.percent } }
        : plain(entry);
    case 'payout':
      if (!meta.payoutRequestId) return plain(entry);
      return meta.method
        ? {
            key: 'history-desc-payout-method',
            args: { id: meta.payoutRequestId, method: { key: METHOD_LABEL_KEYS[meta.method] } },
          }
        : { key: 'history-desc-payout', args: { id: meta.payoutRequestId } };
    case 'expiry': {
      const origin = meta.grantId ? lookups.grantOrigins.get(meta.grantId) : undefined;
      const what = origin ? describeGrantOrigin(origin, lookups) : null;
      return what ? { key: 'history-desc-expired', args: { what } } : plain(entry);
    }
    case 'earning':
      return plain(entry);
  }
}

/** "GPT-4o · chat message", "Kling · video", "Upscale · photo tool"; a video task's run names the task. */
function describeSpend(entry: TEntryFacts, lookups: TEntryLookups): TLocalizedText | null {
  const { requestId } = entry.metadata;
  const request = requestId ? lookups.requests.get(requestId) : undefined;
  const modelId = request?.modelId ?? entry.metadata.modelId;
  if (!modelId) return null;
  const model = findCatalogModel(modelId);
  // A model since taken out of the catalog keeps its id as its name: still says which one.
  const name = model?.displayName ?? modelId;
  if (request?.taskTitle)
    return { key: 'history-desc-task-run', args: { task: request.taskTitle, model: name } };
  const kind = request?.kind ?? model?.kind;
  if (!kind) return { key: 'history-desc-spend-model', args: { model: name } };
  const use = workOf(kind, model?.input);
  return { key: 'history-desc-spend', args: { model: name, use: { key: `history-use-${use}` } } };
}

function workOf(kind: AiKind, input: string | undefined): string {
  if (kind === 'text') return 'chat';
  if (kind === 'tool') return 'photo-tool';
  if (kind === 'audio') return input === 'audio' ? 'transcription' : 'audio';
  return kind;
}

/** The product title (the shop's key) and payment method of the user's own payment behind an entry. */
function purchasedProduct(
  entry: TEntryFacts,
  lookups: TEntryLookups,
): { title: TLocalizedText; provider: TLocalizedText } | null {
  const payment = entry.metadata.paymentId ? lookups.payments.get(entry.metadata.paymentId) : undefined;
  if (!payment) return null;
  return { title: { key: payment.titleKey }, provider: { key: `history-provider-${payment.provider}` } };
}

/**
 * Reversals give back or take back what another movement did: a refunded purchase's tokens, a partner's
 * share of a refunded purchase, a declined payout (with finance's reason, which the user is shown anyway).
 */
function describeReversal(entry: TEntryFacts, lookups: TEntryLookups): TLocalizedText | null {
  const meta = entry.metadata;
  if (meta.payoutRequestId)
    return { key: 'history-desc-payout-declined', args: { id: meta.payoutRequestId, reason: entry.reason } };
  if (/^refund:\d+:commission$/.test(entry.key)) return { key: 'history-desc-commission-reversed' };
  if (!meta.refundId && entry.type !== 'refund') return null;
  const product = purchasedProduct(entry, lookups);
  return product ? { key: 'history-desc-refund', args: { product: product.title } } : null;
}

/** What an expired grant was, as a noun: "Expired: AI plan · 7 days", "Expired: promo code SPRING". */
function describeGrantOrigin(origin: TEntryFacts, lookups: TEntryLookups): TLocalizedText | null {
  const meta = origin.metadata;
  if (origin.type === 'topup') return purchasedProduct(origin, lookups)?.title ?? null;
  if (origin.type === 'bonus' && meta.code) return { key: 'history-origin-promo', args: { code: meta.code } };
  if (origin.type === 'referral') return { key: 'history-origin-referral' };
  if (origin.type === 'manual') return { key: 'history-origin-correction' };
  return null;
}
