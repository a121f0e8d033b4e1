import type { Queue } from 'bullmq';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import {
  generationQuota,
  refuseWhenSpent,
  takeGenerationSlot,
} from '#core/ai/rate-limit/generation-limit.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import type { AiRequest, AiRequestSource, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { release, reserve } from '#core/ledger/holds.ts';
import { generationCacheKey } from './cache-key.ts';
import { findCachedResult } from './generation-cache.ts';
import { enqueueGeneration, type TAiJob } from './generation-job.ts';
import { generationRules, type TGenerationRules } from './generation-rules.ts';
import { HOLD_TTL_MS } from './generation-timing.ts';

export interface TAcceptDeps {
  db: PrismaClient;
  ai: Pick<TAiGateway, 'serves'>;
  queue: Queue<TAiJob>;
}

export interface TAcceptGeneration {
  userId: bigint;
  modelId: string;
  source: AiRequestSource;
  prompt: string;
  /** The model's options (size, seconds, aspect, voice …); validated per model, defaults filled in. */
  params?: Record<string, unknown>;
  /** The user's own stored files (core/files) to work on: the photo of a photo tool. */
  inputFileIds?: readonly string[];
  /** Language of the status and result messages the worker writes. */
  language: 'en' | 'ru';
  /** Where the bot shows progress and delivers the result; absent for Mini App requests. */
  telegram?: { chatId: bigint; statusMessageId: number };
  taskId?: bigint;
  /**
   * Video-task materials (core/video-tasks): the user's own video, audio and image files, for a video model.
   * They go to the provider like `inputFileIds` and count in the cache key by content.
   */
  materialFileIds?: readonly string[];
  /** Skip the result cache: a regenerate asks for a new result of the same inputs, not yesterday's. */
  fresh?: boolean;
  /**
   * Runs in the transaction that inserts the ai_requests row, so what the caller records about the request
   * (a video task's launch log and status) exists exactly when the request does.
   */
  onAccepted?: (tx: Prisma.TransactionClient, request: AiRequest) => Promise<void>;
  now?: Date;
}

export interface TAccepted {
  request: AiRequest;
  /** Served from the result cache: the worker delivers the cached result without calling a provider. */
  cacheHit: boolean;
}

function checkPrompt(rules: TGenerationRules, raw: string): string {
  const prompt = raw.trim();
  if (rules.prompt.use === 'none') return '';
  if (prompt.length === 0) throw new AppError('INVALID_INPUT', { reason: 'prompt_required' });
  if (prompt.length > rules.prompt.max)
    throw new AppError('INVALID_INPUT', { reason: 'prompt_too_long', max: rules.prompt.max });
  return prompt;
}

function checkParams(rules: TGenerationRules, raw: Record<string, unknown> | undefined) {
  const parsed = rules.params.safeParse(raw ?? {});
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', { reason: 'params', issue: parsed.error.issues[0]?.message ?? '' });
  return parsed.data;
}

async function checkInputs(db: PrismaClient, rules: TGenerationRules, input: TAcceptGeneration, now: Date) {
  const ids = [...new Set(input.inputFileIds ?? [])];
  if (!rules.inputImage) {
    if (ids.length > 0) throw new AppError('INVALID_INPUT', { reason: 'unexpected_input' });
    return [];
  }
  if (ids.length !== 1) throw new AppError('INVALID_INPUT', { reason: 'input_image_required' });
  const files = await db.storedFile.findMany({
    where: {
      id: { in: ids },
      userId: input.userId,
      kind: 'image',
      deletedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    select: { id: true, sha256: true },
  });
  if (files.length !== ids.length) throw new AppError('INVALID_INPUT', { reason: 'input_image_required' });
  return files;
}

/** Video-task materials: live files of the user's, of a media kind, for a video model only. */
async function checkMaterials(
  db: PrismaClient,
  rules: TGenerationRules,
  input: TAcceptGeneration,
  now: Date,
) {
  const ids = [...new Set(input.materialFileIds ?? [])];
  if (ids.length === 0) return [];
  if (rules.kind !== 'video') throw new AppError('INVALID_INPUT', { reason: 'unexpected_input' });
  const files = await db.storedFile.findMany({
    where: {
      id: { in: ids },
      userId: input.userId,
      kind: { in: ['video', 'audio', 'image'] },
      deletedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    select: { id: true, sha256: true },
  });
  if (files.length !== ids.length) throw new AppError('INVALID_INPUT', { reason: 'material_missing' });
  // In the caller's order: the provider receives the materials as the task lists them.
  return ids.flatMap((id) => files.filter((f) => f.id === id));
}

/**
 * Accepts an image, video, audio or photo-tool request: checks the model (a generating kind, switched on,
 * served by a configured provider) and the input, reserves the model's live price, writes the `ai_requests`
 * row (which is the request's slot of the user's hourly limit, rate-limit/generation-limit.ts) and enqueues
 * its job. Free of Telegram: the bot passes where to show progress, the Mini App passes nothing and reads
 * the row.
 *
 * Refusals, each leaving nothing behind: `MODEL_NOT_FOUND`, `INVALID_INPUT { reason }`, `MODEL_UNAVAILABLE`
 * (off, or no provider), `RATE_LIMITED { retryAt, limit, tier }`, `INSUFFICIENT_FUNDS`.
 */
export async function acceptGeneration(deps: TAcceptDeps, input: TAcceptGeneration): Promise<TAccepted> {
  const { db } = deps;
  const now = input.now ?? new Date();
  const rules = generationRules(input.modelId);
  if (!rules) {
    if (!findCatalogModel(input.modelId)) throw new AppError('MODEL_NOT_FOUND', { modelId: input.modelId });
    throw new AppError('INVALID_INPUT', { reason: 'not_generating' });
  }
  const model = await findModel(db, input.modelId);
  if (!model?.enabled || !deps.ai.serves(input.modelId))
    throw new AppError('MODEL_UNAVAILABLE', { modelId: input.modelId });
  const prompt = checkPrompt(rules, input.prompt);
  const params = checkParams(rules, input.params);
  const inputs = [
    ...(await checkInputs(db, rules, input, now)),
    ...(await checkMaterials(db, rules, input, now)),
  ];

  const plan = await aiPlanOf(db, input.userId, now);
  // Refused here without touching the ledger in the common case; the count that decides is taken again
  // under the user's lock when the row is written (below).
  refuseWhenSpent(await generationQuota(db, { userId: input.userId, tier: plan.tier, now }));
  let holdKey: string | null = null;
  try {
    const cacheKey = generationCacheKey({
      modelId: rules.model.id,
      params,
      prompt,
      inputHashes: inputs.map((f) => f.sha256),
    });
    const cached = input.fresh ? null : await findCachedResult(db, cacheKey, now);
    // The id comes first so the hold can be named after the request: a refused reservation then leaves
    // nothing behind but a used sequence number.
    const [{ id }] = await db.$queryRaw<[{ id: bigint }]>`
      SELECT nextval(pg_get_serial_sequence('ai_requests', 'id')) AS id`;
    holdKey = `ai:${id}`;
    // A cache hit is charged the normal price: what the user buys is the delivered result, and the price
    // they saw in the picker must not depend on whether someone asked the same thing earlier today.
    await reserve(db, {
      key: holdKey,
      userId: input.userId,
      asset: 'TOKEN',
      amount: model.tokenPrice,
      reason: `ai:${rules.model.id}`,
      ttlMs: HOLD_TTL_MS,
      now,
    });
    const data = {
      id,
      userId: input.userId,
      kind: rules.kind,
      modelId: rules.model.id,
      source: input.source,
      prompt,
      params: { ...params, inputFileIds: inputs.map((f) => f.id) },
      price: model.tokenPrice,
      holdKey,
      cacheKey,
      cacheHit: cached !== null,
      taskId: input.taskId ?? null,
      chatId: input.telegram?.chatId ?? null,
      statusMessageId: input.telegram?.statusMessageId ?? null,
      language: input.language,
      createdAt: now,
    } satisfies Prisma.AiRequestUncheckedCreateInput;
    const request = await db.$transaction(async (tx) => {
      // A refusal here rolls the row back; the catch below releases the hold.
      await takeGenerationSlot(tx, { userId: input.userId, tier: plan.tier, now });
      const row = await tx.aiRequest.create({ data });
      await input.onAccepted?.(tx, row);
      return row;
    });
    await enqueueGeneration(deps.queue, request.id);
    return { request, cacheHit: cached !== null };
  } catch (error) {
    if (holdKey) {
      await release(db, holdKey);
      // Only when the row exists (the queue was down): it must not look like work in progress. The caller
      // answers the error itself, so a job that made it into Redis after all must not announce it again.
      const now = new Date();
      await db.aiRequest.updateMany({
        where: { holdKey, status: 'queued' },
        data: { status: 'failed', errorCode: 'enqueue_failed', finishedAt: now, notifiedAt: now },
      });
    }
    throw error;
  }
}
