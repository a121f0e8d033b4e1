import { z } from 'zod';
import type { AiKind, PaymentProvider, TransactionType } from '#core/db/generated/client.ts';
import { PAYOUT_METHODS, type PayoutMethod } from '#core/payouts/payout-methods.ts';
import type { Asset } from './assets.ts';

// Each writer of the ledger puts its own references into a transaction's metadata (core/payments,
// core/referrals, core/payouts, core/ai, adjust-balance.ts). Read back, a field that is missing or of an
// unexpected shape is dropped on its own, never the whole object: the line then says less, never "undefined".
const id = z
  .string()
  .regex(/^\d{1,19}$/)
  .optional()
  .catch(undefined);
const word = z.string().trim().min(1).max(200).optional().catch(undefined);

export const ZEntryMetadataSchema = z
  .object({
    /** ai_requests.id of a spend captured for an AI request. */
    requestId: id,
    modelId: word,
    /** The payment a purchase, refund, referral reward or commission came from. */
    paymentId: id,
    refundId: id,
    /** A promo code's text, as the user typed it (normalized). */
    code: word,
    /** The invitee whose purchase earned a referral reward. */
    referredUserId: id,
    /** A partner's commission percent. */
    percent: z.number().int().min(0).max(100).optional().catch(undefined),
    /** The grant an expiry took away. */
    grantId: id,
    payoutRequestId: id,
    method: z
      .custom<PayoutMethod>((v) => PAYOUT_METHODS.some((m) => m === v))
      .optional()
      .catch(undefined),
    /** Set on a correction made by a staff member in the admin bot (who told the user the reason). */
    adminId: id,
  })
  .catch({});
export type TEntryMetadata = z.infer<typeof ZEntryMetadataSchema>;

/** One movement of the user's balance, as its transaction recorded it. */
export interface TEntryFacts {
  type: TransactionType;
  /** The transaction's idempotency key: its shape names the movement (`refund:<id>:tokens`, `payout:<id>:…`). */
  key: string;
  /** The writer's reason: shown only where it was written for the user (a support correction, a declined payout). */
  reason: string;
  asset: Asset;
  amount: bigint;
  metadata: TEntryMetadata;
}

/** What the transactions point at, read in a few batched queries for a page of history (load-entry-lookups.ts). */
export interface TEntryLookups {
  /** The user's AI requests by id, with the video task a run belongs to. */
  requests: ReadonlyMap<string, { kind: AiKind; modelId: string; taskTitle: string | null }>;
  /** The user's own payments by id; the title key comes from the product snapshot taken at checkout. */
  payments: ReadonlyMap<string, { titleKey: string; provider: PaymentProvider }>;
  /** People the user invited, by id: only the first name, which the referral page already shows. */
  invitees: ReadonlyMap<string, { firstName: string }>;
  /** The transaction that created each expired grant, by grant id: what it was is what expired. */
  grantOrigins: ReadonlyMap<string, TEntryFacts>;
}

export const NO_LOOKUPS: TEntryLookups = {
  requests: new Map(),
  payments: new Map(),
  invitees: new Map(),
  grantOrigins: new Map(),
};
