import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { acceptGeneration } from '#core/ai/generation/accept-generation.ts';
import type { TAiJob } from '#core/ai/generation/generation-job.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import { GENERATIONS_PER_HOUR } from '#core/ai/rate-limit/generation-limit.ts';
import { ownGeneration } from '#core/ai/usage/own-generation.ts';
import type { User } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { type TGeneration, ZStartGenerationSchema } from '#server/contracts/studio.ts';
import type { TFileRouteDeps } from '#server/routes/files/file-route-deps.ts';
import { accountOf, idOf, parsed } from './request-parts.ts';
import { toGenerationView } from './studio-views.ts';

export type TGenerationRouteDeps = TFileRouteDeps & { aiQueue: Queue<TAiJob> };

/**
 * The limiter's refusal with when to come back: in minutes and as a clock time in the user's zone (the one
 * the Mini App reported), else in UTC, said so; in the words of the user's tier (the free tier hears what a
 * plan raises the limit to).
 */
function limited(error: AppError, user: User): AppError {
  const retryAt = error.details.retryAt instanceof Date ? error.details.retryAt : new Date();
  return new AppError('GENERATION_LIMITED', {
    tier: String(error.details.tier ?? ''),
    planLimit: GENERATIONS_PER_HOUR.basic,
    limit: Number(error.details.limit ?? 0),
    minutes: Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000)),
    time: formatLocalTime(retryAt, { timeZone: user.timeZone, lang: user.language }),
  });
}

/**
 * Generation from the Mini App: POST /api/studio/generations hands the request to acceptGeneration (source
 * `miniapp`, no Telegram chat, so the worker sends nothing to the bot's chat and the result is delivered by
 * being stored: the gallery shows it); GET /api/studio/generations/:id is what the page polls.
 */
export function studioGenerationRoutes(api: FastifyInstance, deps: TGenerationRouteDeps) {
  const { db } = deps;

  api.post('/api/studio/generations', async (request, reply): Promise<TGeneration> => {
    const account = accountOf(request);
    const body = parsed(ZStartGenerationSchema, request.body);
    const lang = account.language;
    if (body.expectedPrice !== undefined) {
      // The page showed a price a while ago; an admin may have changed it since. Confirming one price and
      // paying another is what the check prevents (the price reserved is read again when accepted).
      const model = await findModel(db, body.modelId);
      if (model && model.tokenPrice.toString() !== body.expectedPrice)
        throw new AppError('PRICE_CHANGED', { price: formatTokens(model.tokenPrice, lang) });
    }
    try {
      const accepted = await acceptGeneration(
        { db, ai: deps.ai, queue: deps.aiQueue },
        {
          userId: account.id,
          modelId: body.modelId,
          source: 'miniapp',
          prompt: body.prompt,
          params: body.params,
          inputFileIds: body.inputFileIds,
          language: lang,
        },
      );
      reply.status(202);
      return toGenerationView(
        accepted.request,
        { file: null, urlKey: deps.fileUrlKey },
        { translator: deps.translator, lang },
      );
    } catch (error) {
      if (!isAppError(error, 'RATE_LIMITED')) throw error;
      const refusal = limited(error, account);
      reply.header('retry-after', String(Number(refusal.details.minutes) * 60));
      throw refusal;
    }
  });

  api.get<{ Params: { id: string } }>(
    '/api/studio/generations/:id',
    async (request): Promise<TGeneration> => {
      const account = accountOf(request);
      const { request: row, file } = await ownGeneration(db, {
        userId: account.id,
        requestId: idOf(request.params.id),
      });
      return toGenerationView(
        row,
        { file, urlKey: deps.fileUrlKey },
        { translator: deps.translator, lang: account.language },
      );
    },
  );
}
