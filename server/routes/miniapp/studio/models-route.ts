import type { FastifyInstance } from 'fastify';
import { offeredModels } from '#core/ai/models/offered-models.ts';
import { GENERATIONS_PER_HOUR, generationQuota } from '#core/ai/rate-limit/generation-limit.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import type { TStudioModels } from '#server/contracts/studio.ts';
import type { ServerDeps } from '#server/deps.ts';
import { generationOf } from './model-options.ts';
import { accountOf } from './request-parts.ts';

/**
 * GET /api/studio/models: every model a user can use right now (switched on by admins and served by a
 * configured provider), catalog order, at its live price, with what the user can spend. Whisper and TTS
 * are listed too: the chat's voice features use them; the generate page shows only generating models, and
 * the generations the user's hour has left before any is picked.
 */
export function studioModelsRoute(api: FastifyInstance, deps: ServerDeps) {
  api.get('/api/studio/models', async (request): Promise<TStudioModels> => {
    const account = accountOf(request);
    const [models, wallet, plan] = await Promise.all([
      offeredModels(deps),
      getWallet(deps.db, account.id),
      aiPlanOf(deps.db, account.id),
    ]);
    const available = wallet.tokens.available > 0n ? wallet.tokens.available : 0n;
    const quota = await generationQuota(deps.db, { userId: account.id, tier: plan.tier });
    return {
      models: models.map((m) => ({
        id: m.id,
        kind: m.kind,
        name: m.displayName,
        price: m.tokenPrice.toString(),
        freeForSubscribers: m.freeForSubscribers === true,
        generation: generationOf(m.id),
      })),
      available: available.toString(),
      subscriber: plan.subscriber,
      unlimitedUntil: plan.unlimitedUntil?.toISOString() ?? null,
      quota: {
        tier: quota.tier,
        limit: quota.limit,
        remaining: quota.remaining,
        retryAt: quota.retryAt?.toISOString() ?? null,
        planLimit: GENERATIONS_PER_HOUR.basic,
      },
    };
  });
}
