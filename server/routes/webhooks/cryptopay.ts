import type { FastifyInstance } from 'fastify';
import {
  parseCryptoPayUpdate,
  verifyCryptoPaySignature,
} from '#core/payments/cryptobot/cryptopay-webhook.ts';
import { settleCryptoPayInvoice } from '#core/payments/cryptobot/settle-cryptopay-invoice.ts';
import type { ServerDeps } from '#server/deps.ts';

/**
 * Crypto Pay's webhook. The signature is an HMAC of the exact bytes sent, so this route (and only this
 * one: the parser is registered in its own encapsulated scope) keeps the JSON body as the raw Buffer.
 * Crypto Pay repeats an update until it gets a 200: refusals that retrying cannot fix are 200 too, except
 * a bad signature (401), which is not Crypto Pay talking.
 */
export async function cryptoPayWebhookRoutes(app: FastifyInstance, deps: ServerDeps) {
  const payments = deps.payments;
  const cryptopay = payments?.cryptopay;
  const token = deps.config.CRYPTOPAY_TOKEN;
  if (!payments || !cryptopay || !token) return;
  const settleDeps = { db: deps.db, queue: payments.notifyQueue, translator: deps.translator, cryptopay };

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/webhooks/cryptopay', async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['crypto-pay-api-signature'];
      if (!verifyCryptoPaySignature(raw, typeof signature === 'string' ? signature : undefined, token)) {
        request.log.warn(
          { ip: request.ip, signed: signature !== undefined },
          'Crypto Pay webhook with a bad signature refused',
        );
        return reply.status(401).send({ ok: false });
      }
      const parsed = parseCryptoPayUpdate(raw);
      if (!parsed.ok) {
        const level = parsed.reason === 'unsupported_update_type' ? 'info' : 'warn';
        request.log[level]({ reason: parsed.reason, detail: parsed.detail }, 'Crypto Pay update ignored');
        return reply.status(200).send({ ok: true });
      }
      const invoiceId = parsed.update.payload.invoice_id;
      try {
        const result = await settleCryptoPayInvoice(settleDeps, { invoiceId });
        const log = { invoiceId, ...result, paymentId: result.paymentId?.toString() };
        if (result.kind === 'ignored') request.log.warn(log, 'Crypto Pay update changed nothing');
        else request.log.info(log, 'Crypto Pay update settled');
        return reply.status(200).send({ ok: true });
      } catch (error) {
        request.log.error({ err: error, invoiceId }, 'Crypto Pay update failed; Crypto Pay will retry');
        return reply.status(500).send({ ok: false });
      }
    });
  });
}
