import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maskBotTokens } from '#core/logging/logger.ts';
import type { ServerDeps } from '#server/deps.ts';

const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Only what the route relies on; the bot reads the rest of the update. */
const ZTelegramUpdateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * Telegram updates in webhook mode. The secret is both in the path and in the
 * X-Telegram-Bot-Api-Secret-Token header Telegram sends back (set with setWebhook); a request missing
 * either is not from Telegram and is refused before the update is parsed.
 *
 * Telegram repeats an update until it gets a 2xx, so the answer is 200 once the bot has handled it, also
 * when a handler failed: the bot's error boundary has already told the user and counted the failure, and a
 * redelivery would only fail the same way again. A failure that escapes even that is logged and answered
 * 200 for the same reason; a Stars payment lost that way is credited by the star reconciliation
 * (workers/star-reconciliation.ts).
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
      const parsed = ZTelegramUpdateSchema.safeParse(request.body);
      if (!parsed.success) {
        // Signed by our secret but not an update: retrying the same body cannot help.
        request.log.warn({ bot }, 'Telegram webhook body is not an update');
        return reply.status(200).send({ ok: true });
      }
      try {
        await webhooks[bot](parsed.data);
      } catch (error) {
        request.log.error(
          {
            bot,
            updateId: parsed.data.update_id,
            err: maskBotTokens(error instanceof Error ? error.message : String(error)),
          },
          'Telegram update failed outside the bot error handler',
        );
      }
      return reply.status(200).send({ ok: true });
    });
  }
}
