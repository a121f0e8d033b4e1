import { z } from 'zod';
import type { AnalyticsEventType, TransactionType } from '#core/db/generated/client.ts';

// Field names follow the vgen spec's warehouse tables (userid, useragent, old_balance, …): what is stored
// in `payload` is exported as it is, with the event's id, type, time and user added (see toExportRow).
// Amounts are decimal strings: they are bigints in the ledger and BigQuery reads INT64 from strings.

const ZDecimalSchema = z.string().regex(/^-?\d+$/);

export const ZSessionPayloadSchema = z.object({
  action: z.enum(['login', 'signup']),
  /** Where it happened: a chat with the user bot or a Mini App launch. */
  source: z.enum(['bot', 'miniapp']),
  ip: z.string().max(64).nullable(),
  /** Country or region when something upstream told us; nothing does yet. */
  geo: z.string().max(64).nullable(),
  useragent: z.string().max(512).nullable(),
});

/** The vgen spec names topup / used / manual; the ledger's other kinds keep their own names. */
export const BALANCE_ACTIONS = {
  topup: 'topup',
  spend: 'used',
  manual: 'manual',
  refund: 'refund',
  bonus: 'bonus',
  referral: 'referral',
  earning: 'earning',
  commission: 'commission',
  payout: 'payout',
  reversal: 'reversal',
  expiry: 'expiry',
} as const satisfies Record<TransactionType, string>;

export const ZBalanceChangePayloadSchema = z.object({
  action: z.enum(BALANCE_ACTIONS),
  asset: z.enum(['TOKEN', 'RUB', 'USD', 'XTR', 'USDT']),
  diff: ZDecimalSchema,
  old_balance: ZDecimalSchema,
  new_balance: ZDecimalSchema,
  transaction_id: ZDecimalSchema,
});

export const ZTaskLaunchPayloadSchema = z.object({
  taskid: z.string().min(1).max(200),
  /** "To be defined" in the spec: whatever the service finds worth keeping about the task. */
  task_properties: z.record(z.string(), z.json()),
});

export const ZAnalyticsEventInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), userId: z.bigint(), payload: ZSessionPayloadSchema }),
  z.object({ type: z.literal('balance_change'), userId: z.bigint(), payload: ZBalanceChangePayloadSchema }),
  z.object({ type: z.literal('task_launch'), userId: z.bigint(), payload: ZTaskLaunchPayloadSchema }),
]);
export type TAnalyticsEventInput = z.input<typeof ZAnalyticsEventInputSchema>;

/** What every sink receives: one flat JSON object per event. */
export interface TExportRow {
  event_id: string;
  type: AnalyticsEventType;
  timestamp: string;
  userid: string | null;
  /** The user's verified email at the time of the event, looked up when the event was written. */
  email: string | null;
  [field: string]: unknown;
}

export interface TStoredEvent {
  id: bigint;
  type: AnalyticsEventType;
  userId: bigint | null;
  payload: unknown;
  createdAt: Date;
}

export function toExportRow(event: TStoredEvent): TExportRow {
  const { email, ...fields } =
    event.payload && typeof event.payload === 'object' ? (event.payload as Record<string, unknown>) : {};
  return {
    event_id: event.id.toString(),
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    userid: event.userId?.toString() ?? null,
    email: typeof email === 'string' ? email : null,
    ...fields,
  };
}
