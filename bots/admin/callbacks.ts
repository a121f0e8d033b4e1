import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';
import { ROLES } from '#core/accounts/permissions.ts';
import type { PaymentProvider, PaymentStatus } from '#core/db/generated/client.ts';

const ZUserIdSchema = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform(BigInt);

export const cardAction = callbackCodec(
  'card',
  ['action', 'userId'],
  z.object({ action: z.enum(['ban', 'unban', 'roles', 'refresh', 'revoke']), userId: ZUserIdSchema }),
);

export const grantAction = callbackCodec(
  'grant',
  ['role', 'userId'],
  z.object({ role: z.enum(ROLES as [string, ...string[]]), userId: ZUserIdSchema }),
);

export const BAN_CANCEL = 'v1:ban-cancel';

const ZIdSchema = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform(BigInt);
const ZOptionalIdSchema = z
  .string()
  .regex(/^\d{0,20}$/)
  .transform((s) => (s ? BigInt(s) : undefined));
const ZOptionalDaySchema = z
  .string()
  .regex(/^\d{0,6}$/)
  .transform((s) => (s ? new Date(Number(s) * 86_400_000) : undefined));

/** "💰 Balance ±" on a user card: starts the correction conversation. */
export const balanceButton = callbackCodec('bal', ['userId'], z.object({ userId: ZUserIdSchema }));

/** "🧾 Payments" on a user card. */
export const userPaymentsButton = callbackCodec('upay', ['userId'], z.object({ userId: ZUserIdSchema }));

/**
 * A step inside a money conversation. `nonce` is the id of the message that started the conversation, so a
 * button left over from an earlier correction cannot confirm the current one.
 */
export const moneyStep = callbackCodec(
  'mstep',
  ['action', 'nonce'],
  z.object({ action: z.enum(['apply', 'negative', 'cancel']), nonce: z.string().regex(/^\d{1,12}$/) }),
);

export const paymentCardAction = callbackCodec(
  'pcard',
  ['action', 'paymentId'],
  z.object({ action: z.enum(['open', 'refresh', 'full', 'part', 'back']), paymentId: ZIdSchema }),
);

/** The confirmed full refund; it carries the amount shown to the admin, so a stale confirmation fails. */
export const refundConfirm = callbackCodec(
  'refund',
  ['paymentId', 'amount'],
  z.object({ paymentId: ZIdSchema, amount: ZIdSchema }),
);

// Provider and status in one letter each, dates as days since 1970: the whole filter fits in 64 bytes.
const PROVIDER_CODES = { s: 'stars', y: 'yookassa', c: 'cryptobot' } as const;
const STATUS_CODES = {
  p: 'pending',
  s: 'succeeded',
  c: 'canceled',
  r: 'refunded',
  q: 'partially_refunded',
} as const;
const codeOf = <K extends string, T extends string>(codes: Record<K, T>, value: T | undefined): K | '' =>
  (Object.keys(codes) as K[]).find((k) => codes[k] === value) ?? '';

const pageSchema = z.object({
  user: ZOptionalIdSchema,
  provider: z.enum(['', 's', 'y', 'c']).transform((c) => (c ? PROVIDER_CODES[c] : undefined)),
  status: z.enum(['', 'p', 's', 'c', 'r', 'q']).transform((c) => (c ? STATUS_CODES[c] : undefined)),
  from: ZOptionalDaySchema,
  to: ZOptionalDaySchema,
  before: ZIdSchema,
});
const pageCodec = callbackCodec('pays', ['user', 'provider', 'status', 'from', 'to', 'before'], pageSchema);
export interface TPaymentsPage {
  user?: bigint;
  provider?: PaymentProvider;
  status?: PaymentStatus;
  from?: Date;
  to?: Date;
  before: bigint;
}

const dayNumber = (date: Date | undefined) => (date ? String(Math.floor(date.getTime() / 86_400_000)) : '');

/** "More" under a payment list: the same filter, older than `before`. */
export const paymentsPage = {
  pattern: pageCodec.pattern,
  decode: pageCodec.decode,
  encode: (page: TPaymentsPage) =>
    pageCodec.encode({
      user: page.user?.toString() ?? '',
      provider: codeOf(PROVIDER_CODES, page.provider),
      status: codeOf(STATUS_CODES, page.status),
      from: dayNumber(page.from),
      to: dayNumber(page.to),
      before: page.before.toString(),
    }),
};

/** Pause / resume / cancel under a broadcast's progress message. */
export const broadcastAction = callbackCodec(
  'bcast',
  ['action', 'broadcastId'],
  z.object({
    action: z.enum(['pause', 'resume', 'cancel']),
    broadcastId: z
      .string()
      .regex(/^\d{1,19}$/)
      .transform(BigInt),
  }),
);

export const COMPOSE_CHOICES = [
  'skip',
  'cancel',
  'confirm',
  'all',
  'paid_ever',
  'active_7d',
  'language',
  'never_paid',
  'unfinished_signup',
  'lang_ru',
  'lang_en',
  'vpn_active',
  'vpn_trial',
  'vpn_expiring',
  'vpn_expired',
  'vpn_never_connected',
  'days_1',
  'days_3',
  'days_7',
] as const;
export type TComposeChoice = (typeof COMPOSE_CHOICES)[number];

/** A button inside the /broadcast conversation (skip the button, a segment, confirm, cancel). */
export const composeChoice = callbackCodec(
  'bcompose',
  ['choice'],
  z.object({ choice: z.enum(COMPOSE_CHOICES) }),
);
