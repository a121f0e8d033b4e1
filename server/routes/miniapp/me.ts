import type { FastifyInstance } from 'fastify';
import { setLanguage } from '#core/accounts/complete-signup.ts';
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
    const user = await setLanguage(deps.db, request.account.id, body.data.language);
    return toMe(deps, user);
  });
}
