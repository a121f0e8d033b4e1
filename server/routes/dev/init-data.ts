import { sign } from '@telegram-apps/init-data-node';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '#server/deps.ts';

const ZQuerySchema = z.object({
  userId: z.coerce.number().int().positive(),
  firstName: z.string().min(1).default('Dev'),
  username: z.string().optional(),
  language: z.enum(['ru', 'en']).default('en'),
  /** `admin`: signed as the admin bot's menu button would open it (the admin screens, `?mode=admin`). */
  bot: z.enum(['user', 'admin']).default('user'),
});

/**
 * Development only (DEV_AUTH=true, refused in production by the env schema): signs initData with the user
 * bot's token (the admin bot's with `bot=admin`) so the Mini App can run in a plain browser exactly as it
 * would inside Telegram.
 */
export function devInitDataRoute(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/dev/init-data', async (request, reply) => {
    const query = ZQuerySchema.safeParse(request.query);
    if (!query.success)
      return reply.status(400).send({ error: { code: 'INVALID_INPUT', message: query.error.message } });
    const { userId, firstName, username, language, bot } = query.data;
    const initData = sign(
      {
        user: { id: userId, first_name: firstName, username, language_code: language },
        query_id: `dev-${Date.now()}`,
      },
      bot === 'admin' ? deps.config.ADMIN_BOT_TOKEN : deps.config.BOT_TOKEN,
      new Date(),
    );
    return { initData };
  });
}
