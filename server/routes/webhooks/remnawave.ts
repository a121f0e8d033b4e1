import type { FastifyInstance } from 'fastify';
import { applyPanelUserEvent } from '#core/vpn/notices/apply-panel-user-event.ts';
import { MAX_WEBHOOK_BYTES, verifyPanelWebhook } from '#core/vpn/panel/verify-webhook.ts';
import type { ServerDeps } from '#server/deps.ts';

/**
 * The Remnawave panel's webhooks (WEBHOOK_URL = <PUBLIC_URL>/webhooks/remnawave). Mounted only with
 * REMNAWAVE_WEBHOOK_SECRET, so an unconfigured deployment answers 404. The signature is an HMAC of the raw
 * bytes, so this route's scope keeps the body as a Buffer, capped at the panel's largest payload. The
 * panel retries any non-2xx a few times and then drops the event: a bad signature is 401 (not the panel),
 * and everything else, even a failure of ours, is 200 and a log line, because the scans (workers/vpn-*.ts)
 * catch up on what a lost webhook would have done.
 */
export async function remnawaveWebhookRoutes(app: FastifyInstance, deps: ServerDeps) {
  const secret = deps.config.REMNAWAVE_WEBHOOK_SECRET;
  // The notify queue travels with the payment providers' deps: bots/main.ts always builds it.
  const notifyQueue = deps.payments?.notifyQueue;
  if (!secret || !notifyQueue) return;
  const noticeDeps = {
    db: deps.db,
    notifyQueue,
    translator: deps.translator,
    miniAppUrl: deps.config.MINIAPP_URL ?? deps.config.PUBLIC_URL ?? null,
  };

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/webhooks/remnawave', { bodyLimit: MAX_WEBHOOK_BYTES }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-remnawave-signature'];
      const verified = verifyPanelWebhook({
        rawBody: raw,
        signature: typeof signature === 'string' ? signature : undefined,
        secret,
      });
      if (!verified.ok && verified.refusal !== 'malformed') {
        // Never the body: it holds the user's proxy passwords and subscription link.
        request.log.warn({ ip: request.ip, refusal: verified.refusal }, 'Remnawave webhook refused');
        return reply.status(401).send({ ok: false });
      }
      if (!verified.ok) {
        request.log.warn({ bytes: raw.length }, 'Remnawave webhook not understood; ignored');
        return reply.status(200).send({ ok: true });
      }
      const { event } = verified;
      if (event.kind === 'node' && event.event === 'node.connection_lost') {
        // The node health job says the same within two minutes; this is the moment it happened.
        request.log.warn({ node: event.node.name, countryCode: event.node.countryCode }, 'VPN node offline');
        return reply.status(200).send({ ok: true });
      }
      if (event.kind !== 'user') {
        request.log.debug({ kind: event.kind, event: event.event }, 'Remnawave webhook ignored');
        return reply.status(200).send({ ok: true });
      }
      try {
        const result = await applyPanelUserEvent(noticeDeps, event);
        // Most panel events (modified, traffic) are routine; a notice sent or a stranger is worth a line.
        const level = result.kind === 'applied' && result.outcome !== 'sent' ? 'debug' : 'info';
        request.log[level](
          { event: event.event, sentAs: event.sentAs, panelUser: event.user.username, ...result },
          'Remnawave webhook applied',
        );
      } catch (error) {
        request.log.error(
          { err: error, event: event.event, panelUser: event.user.username },
          'Remnawave webhook failed; the scans will catch up',
        );
      }
      return reply.status(200).send({ ok: true });
    });
  });
}
