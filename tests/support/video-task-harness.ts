import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { runGeneration } from '#core/ai/generation/run-generation.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf, ZProvidersSchema } from '#core/ai/providers/provider-config.ts';
import { ZTaskLaunchPayloadSchema } from '#core/analytics/analytics-events.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { addMaterial } from '#core/video-tasks/add-material.ts';
import { createTask } from '#core/video-tasks/create-task.ts';
import { finishTaskRun } from '#core/video-tasks/finish-task-run.ts';
import type { TRunTaskDeps } from '#core/video-tasks/run-task.ts';
import { startPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { silentDelivery } from './silent-delivery.ts';
import { newStudioUser, uploadSample } from './studio-fixtures.ts';
import { createTestDatabase } from './test-database.ts';
import { createTestRedis } from './test-redis.ts';

/** Kling's default route upstream (core/ai/providers/provider-routes.ts), on the prediction stand-in. */
export const KLING = 'kwaivgi/kling-v2.1';
const TOKEN = 'r8_studio_test_token';

/**
 * The real path of a video-task run without the processes: runTask → acceptGeneration (hold, ai_requests
 * row, `ai` job) → the generation engine's runGeneration as the worker calls it, through the real gateway
 * to the prediction stand-in → finishTaskRun as the worker calls it after every final generation. A fresh
 * database, Redis prefix and file folder per test file.
 */
export async function startStudioHarness() {
  const database = await createTestDatabase();
  const redis = await createTestRedis();
  const dir = await mkdtemp(join(tmpdir(), 'polygram-studio-'));
  const store = createLocalFileStore(dir);
  const predictions = await startPredictionStandIn({
    tokens: [TOKEN],
    models: { [KLING]: { kind: 'video', delayMs: 300 } },
  });
  const providers = ZProvidersSchema.parse({
    replicate: { type: 'prediction', baseUrl: `${predictions.url}/v1`, keys: [TOKEN], timeoutMs: 10_000 },
  });
  const ai = createAiGateway({
    config: aiConfigOf({ AI_PROVIDERS: providers, AI_ROUTES: {} }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
  });
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: redis.prefix });
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: redis.prefix });
  const logger = createLogger({ level: 'silent', name: 'studio-test' });
  const translator = loadTranslator(LOCALES_DIR);
  const db = database.db;

  const acceptDeps = (): TRunTaskDeps => ({
    db,
    redis: redis.redis,
    keyPrefix: redis.prefix,
    ai,
    queue: aiQueue,
  });
  const finishDeps = () => ({
    db,
    notifyQueue,
    translator,
    links: {
      miniAppUrl: 'https://app.example/',
      publicUrl: 'https://app.example',
      fileUrlKey: Buffer.alloc(32, 7),
    },
  });
  const runOnce = (requestId: bigint) =>
    // Task runs carry no chat: the generation engine tells nobody, finishTaskRun does.
    runGeneration({ db, ai, store, delivery: silentDelivery, logger }, requestId);

  let taskSeq = 0;
  return {
    db,
    store,
    ai,
    aiQueue,
    notifyQueue,
    predictions,
    acceptDeps,
    finishDeps,
    runOnce,
    /** A prompt no other test uses: the same inputs would be served from the result cache, no provider. */
    uniquePrompt: (what: string) => `${what}, take ${++taskSeq}`,
    /** What the `ai` worker does with a job, to its end, then the task's own ending. */
    async work(requestId: bigint) {
      for (let round = 0; round < 20; round++) {
        const outcome = await runOnce(requestId);
        if (outcome.kind === 'done') break;
        await sleep(Math.min(outcome.delayMs, 500));
      }
      return finishTaskRun(finishDeps(), requestId);
    },
    /** A Kling task with a prompt and one material of each kind; the user can pay for `runs` runs. */
    async readyTask(opts: { runs?: number; email?: string } = {}) {
      const userId = await newStudioUser(db, { tokens: 38_000n * BigInt(opts.runs ?? 1), email: opts.email });
      const task = await createTask(db, {
        userId,
        title: 'Sunset',
        modelId: 'kling',
        prompt: `A slow sunset over the sea, take ${++taskSeq}`,
        params: { seconds: 10, aspect: '9:16' },
      });
      const uploads = [];
      for (const kind of ['video', 'audio', 'image'] as const) {
        const file = await uploadSample({ db, store }, userId, kind);
        await addMaterial(db, { userId, taskId: task.id, fileId: file.id });
        uploads.push(file);
      }
      return { userId, task, uploads };
    },
    /** The task's launch log, oldest first, with the payload parsed. */
    async launchEvents(taskId: bigint) {
      const events = await db.analyticsEvent.findMany({
        where: { type: 'task_launch' },
        orderBy: { id: 'asc' },
      });
      return events
        .map((e) => ({ ...e, parsed: ZTaskLaunchPayloadSchema.parse(e.payload) }))
        .filter((e) => e.parsed.taskid === taskId.toString());
    },
    async close() {
      await aiQueue.close();
      await notifyQueue.close();
      await predictions.close();
      await redis.cleanup();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type TStudioHarness = Awaited<ReturnType<typeof startStudioHarness>>;
