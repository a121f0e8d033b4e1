import type { FastifyInstance } from 'fastify';
import { setLanguage } from '#core/accounts/complete-signup.ts';
import { setTimeZone } from '#core/accounts/set-time-zone.ts';
import type { User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { type TMe, ZUpdateMeSchema } from '#server/contracts/me.ts';
import type { ServerDeps } from '#server/deps.ts';

async function toMe(deps: ServerDeps, user: User): Promise<TMe> {
  const role = await deps.db.adminRole.findUnique({ where: { userId: user.id }, select: { role: true } });
  return {
    user: {
      id: user.id.toString(),
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      language: user.language,
      timeZone: user.timeZone,
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
      status: user.status,
      role: role?.role ?? null,
      createdAt: user.createdAt.toISOString(),
      referralCode: user.referralCode,
    },
  };
}

export function meRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/me', async (request) => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    return toMe(deps, request.account);
  });
  app.patch('/api/me', async (request) => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const body = ZUpdateMeSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const { language, timeZone } = body.data;
    let user = request.account;
    if (timeZone !== undefined) user = await setTimeZone(deps.db, { userId: user.id, timeZone });
    if (language !== undefined) {
      user = await setLanguage(deps.db, user.id, language);
      await deps.onLanguageChanged?.(user);
    }
    return toMe(deps, user);
  });
}
