import { z } from 'zod';
import { isIpInRanges } from './cidr-match.ts';
import { ZYooKassaPaymentSchema, ZYooKassaRefundSchema } from './yookassa-schemas.ts';

/**
 * YooKassa HTTP notifications (webhooks): `{ type: "notification", event, object }`, POSTed as JSON.
 *
 * They are NOT signed. Anyone who learns the URL can post a well-formed `payment.succeeded`. So:
 *   1. accept them only from YooKassa's published addresses (`isYooKassaIp`), and
 *   2. treat the body as a hint only: re-read the object with `getPayment(object.id)` (or `getRefund`)
 *      and act on what the API says, never on the notification's own `status` or `amount`.
 * YooKassa repeats a notification until it gets HTTP 200 (for up to 24 hours), so the handler must be
 * idempotent and answer 200 once the payment is recorded, including for events it ignores.
 */

/**
 * Addresses YooKassa sends notifications from, as published in its "Incoming notifications" docs.
 * The list can change: a refused notification should be logged with its source address.
 */
export const YOOKASSA_NOTIFICATION_IP_RANGES: readonly string[] = [
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11',
  '77.75.156.35',
  '77.75.154.128/25',
  '2a02:5180::/32',
];

/** True when `ip` (as the socket or a trusted proxy reports it) is one of YooKassa's senders. */
export function isYooKassaIp(
  ip: string,
  ranges: readonly string[] = YOOKASSA_NOTIFICATION_IP_RANGES,
): boolean {
  return isIpInRanges(ip, ranges);
}

const ZPaymentNotificationSchema = z.object({
  type: z.literal('notification'),
  event: z.enum(['payment.succeeded', 'payment.canceled', 'payment.waiting_for_capture']),
  object: ZYooKassaPaymentSchema,
});

const ZRefundNotificationSchema = z.object({
  type: z.literal('notification'),
  event: z.literal('refund.succeeded'),
  object: ZYooKassaRefundSchema,
});

export const ZYooKassaNotificationSchema = z.discriminatedUnion('event', [
  ZPaymentNotificationSchema,
  ZRefundNotificationSchema,
]);
export type TYooKassaNotification = z.output<typeof ZYooKassaNotificationSchema>;

const ZEnvelopeSchema = z.object({ type: z.literal('notification'), event: z.string() });

export type TYooKassaNotificationParse =
  | { ok: true; notification: TYooKassaNotification }
  /** `unsupported_event`: a valid notification of an event Polygram does not handle; answer 200. */
  | { ok: false; reason: 'invalid_json' | 'invalid_notification' | 'unsupported_event'; detail: string };

/** Accepts the raw body (Buffer or string) or already-parsed JSON. Never throws on bad input. */
export function parseYooKassaNotification(body: unknown): TYooKassaNotificationParse {
  let json: unknown = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      json = JSON.parse(body.toString()) as unknown;
    } catch (err) {
      return { ok: false, reason: 'invalid_json', detail: err instanceof Error ? err.message : String(err) };
    }
  }
  const envelope = ZEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid_notification', detail: z.prettifyError(envelope.error) };
  }
  const known: readonly string[] = [...ZPaymentNotificationSchema.shape.event.options, 'refund.succeeded'];
  if (!known.includes(envelope.data.event)) {
    return { ok: false, reason: 'unsupported_event', detail: envelope.data.event };
  }
  const parsed = ZYooKassaNotificationSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: 'invalid_notification', detail: z.prettifyError(parsed.error) };
  return { ok: true, notification: parsed.data };
}
