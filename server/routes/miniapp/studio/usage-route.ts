import type { FastifyInstance } from 'fastify';
import { USAGE_DAYS_MAX, usageSummary } from '#core/ai/usage/usage-summary.ts';
import { AppError } from '#core/errors/app-error.ts';
import { type TUsage, USAGE_DAYS_DEFAULT, ZUsageQuerySchema } from '#server/contracts/studio.ts';
import type { ServerDeps } from '#server/deps.ts';
import { accountOf, parsed } from './request-parts.ts';
import { modelNameOf } from './studio-views.ts';

/** GET /api/studio/usage?days=30: tokens and requests by UTC day and by model (core/ai/usage/). */
export function studioUsageRoute(api: FastifyInstance, deps: ServerDeps) {
  api.get('/api/studio/usage', async (request): Promise<TUsage> => {
    const account = accountOf(request);
    const query = parsed(ZUsageQuerySchema, request.query);
    const days = query.days === undefined ? USAGE_DAYS_DEFAULT : Number(query.days);
    if (days < 1 || days > USAGE_DAYS_MAX) throw new AppError('INVALID_INPUT');
    const usage = await usageSummary(deps.db, { userId: account.id, days });
    return {
      from: usage.from.toISOString(),
      to: usage.to.toISOString(),
      days: usage.byDay.map((d) => ({ day: d.day, tokens: d.tokens.toString(), requests: d.requests })),
      models: usage.byModel.map((m) => ({
        modelId: m.modelId,
        name: modelNameOf(m.modelId),
        kind: m.kind,
        tokens: m.tokens.toString(),
        requests: m.requests,
      })),
      total: { tokens: usage.total.tokens.toString(), requests: usage.total.requests },
    };
  });
}
