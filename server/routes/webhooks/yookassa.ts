import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseRange } from '#core/payments/yookassa/cidr-match.ts';
import { settleYooKassaPayment } from '#core/payments/yookassa/settle-yookassa-payment.ts';
import {
  isYooKassaIp,
  parseYooKassaNotification,
  YOOKASSA_NOTIFICATION_IP_RANGES,
} from '#core/payments/yookassa/yookassa-notification.ts';
import type { ServerDeps } from '#server/deps.ts';

/** YOOKASSA_ALLOWED_IPS as a list; a malformed range throws, so a typo stops start-up. */
export function yooKassaAllowedRanges(csv: string | undefined): readonly string[] {
  const ranges = (csv ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const range of ranges) parseRange(range);
  return ranges.length > 0 ? ranges : YOOKASSA_NOTIFICATION_IP_RANGES;
}

/**
 * YooKassa's HTTP notifications. They are not signed, so the sender's address is checked against
 * YooKassa's ranges before the body is even read, and then the body only names a payment: what happens
 * depends on that payment as the API shows it (settleYooKassaPayment). YooKassa repeats a notification
 * until it gets a 200 for up to 24 hours, so every answer that retrying cannot change (done, duplicate,
 * not ours) is a 200; only a failure that may pass (the API or the database down) is a 500.
 *
 * `request.ip` honours X-Forwarded-For (trustProxy): in production the proxy in front must be the only
 * way in, or anyone can claim a YooKassa address; the API re-check is what protects the money.
 */
export function yooKassaWebhookRoutes(app: FastifyInstance, deps: ServerDeps) {
  const payments = deps.payments;
  const yookassa = payments?.yookassa;
  if (!payments || !yookassa) return;
  const allowed = yooKassaAllowedRanges(deps.config.YOOKASSA_ALLOWED_IPS);
  const settleDeps = { db: deps.db, queue: payments.notifyQueue, translator: deps.translator, yookassa };

  const refuseForeign = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isYooKassaIp(request.ip, allowed)) return;
    request.log.warn({ ip: request.ip }, 'YooKassa notification from an address outside the allowed ranges');
    return reply.status(403).send({ ok: false });
  };

  app.post('/webhooks/yookassa', { onRequest: refuseForeign }, async (request, reply) => {
    const parsed = parseYooKassaNotification(request.body);
    if (!parsed.ok) {
      // Unknown events are YooKassa's to send (payouts, deals); malformed ones will not improve on retry.
      const level = parsed.reason === 'unsupported_event' ? 'info' : 'warn';
      request.log[level]({ reason: parsed.reason, detail: parsed.detail }, 'YooKassa notification ignored');
      return reply.status(200).send({ ok: true });
    }
    const { notification } = parsed;
    // Refunds start on our side and are recorded when YooKassa answers the refund call.
    if (notification.event === 'refund.succeeded') return reply.status(200).send({ ok: true });
    const yookassaPaymentId = notification.object.id;
    try {
      const result = await settleYooKassaPayment(settleDeps, { yookassaPaymentId });
      const log = {
        event: notification.event,
        yookassaPaymentId,
        ...result,
        paymentId: result.paymentId?.toString(),
      };
      if (result.kind === 'ignored') request.log.warn(log, 'YooKassa notification changed nothing');
      else request.log.info(log, 'YooKassa notification settled');
      return reply.status(200).send({ ok: true });
    } catch (error) {
      request.log.error(
        { err: error, yookassaPaymentId },
        'YooKassa notification failed; YooKassa will retry',
      );
      return reply.status(500).send({ ok: false });
    }
  });
}
