import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '#core/errors/app-error.ts';
import { setUserStatus } from '#core/internal-api/set-user-status.ts';
import type { ServerDeps } from '#server/deps.ts';
import { ZApiUserIdSchema } from './internal-ids.ts';

export const ZInternalUserBodySchema = z.object({
  userID: ZApiUserIdSchema,
  status: z.enum(['activated', 'new', 'blocked']),
});

/** `PUT /api/internal/user {"userID", "status"}` of the vgen spec; answers the status before and after. */
export function internalUserRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.put('/api/internal/user', async (request) => {
    const body = ZInternalUserBodySchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const result = await setUserStatus(deps.db, { userId: body.data.userID, status: body.data.status });
    return { userID: body.data.userID.toString(), status: result.status, previousStatus: result.previous };
  });
}
