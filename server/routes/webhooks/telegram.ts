import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '#server/deps.ts';

const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Telegram updates in webhook mode. The secret is both in the path and in the
 * X-Telegram-Bot-Api-Secret-Token header Telegram sends back (set with setWebhook); a request missing
 * either is not from Telegram and is refused before the update is parsed.
 */
export function telegramWebhookRoutes(app: FastifyInstance, deps: ServerDeps) {
  const webhooks = deps.webhooks;
  const secret = deps.config.WEBHOOK_SECRET;
  if (!webhooks || !secret) return;
  for (const bot of ['user', 'admin'] as const) {
    app.post(`/telegram/${bot}/:secret`, async (request, reply) => {
      const { secret: inPath } = request.params as { secret: string };
      const header = request.headers['x-telegram-bot-api-secret-token'];
      if (!sameSecret(inPath, secret) || typeof header !== 'string' || !sameSecret(header, secret)) {
        request.log.warn({ ip: request.ip, bot }, 'forged Telegram webhook refused');
        return reply.status(401).send({ ok: false });
      }
      await webhooks[bot](request.body);
      return { ok: true };
    });
  }
}
