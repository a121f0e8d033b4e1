/**
 * The `ai` queue end to end in one process, for workers/ai.test.ts and bench/ai-queue: the local Bot API,
 * the OpenAI-compatible and prediction stand-ins behind the real gateway, a fresh database, a Redis prefix,
 * a local file store in a temp folder, the queue, and as many ai workers as a test starts (and kills).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, type Transformer } from 'grammy';
import { touchUser } from '#core/accounts/touch-user.ts';
import { acceptGeneration, type TAcceptGeneration } from '#core/ai/generation/accept-generation.ts';
import { runGeneration, type TRunDeps } from '#core/ai/generation/run-generation.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { AiRequest, StoredFile } from '#core/db/generated/client.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { startOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import type { TModelSpec } from '#sandbox/predictions/model-specs.ts';
import { startPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import type { TKillSwitch } from '#tests/support/kill-switch.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { createTelegramDelivery, type TTelegramDeliveryDeps } from '#workers/ai/telegram-delivery.ts';
import { telegramRetries } from '#workers/ai/telegram-retries.ts';
import { aiJob } from '#workers/ai.ts';
import { startJob, type TRunningJob } from '#workers/runtime/start-job.ts';

export const OPENAI_KEY = 'sk-ai-queue-test-aaaaaaaaaaaa';
export const PREDICTION_TOKEN = 'r8_ai_queue_test_bbbbbbbbbbbb';

/**
 * The default routes' upstream models whose names do not tell the stand-in what they make (it guesses
 * from words such as "video" in the name).
 */
export const PREDICTION_MODELS: Record<string, TModelSpec> = {
  'minimax/hailuo-02': { kind: 'video' },
  'luma/ray-2-720p': { kind: 'video' },
  'kwaivgi/kling-v2.1': { kind: 'video' },
  'google/veo-3.1': { kind: 'video' },
  'suno-ai/suno-v4.5': { kind: 'audio' },
};

export interface TAiTestStackOptions {
  botToken: string;
  /** The prediction stand-in's delay from creation to result (0: instant). */
  predictionDelayMs?: number;
  videoDurationMs?: number;
  logLevel?: string;
  /** `false` turns the local Bot API's flood limits off (the benchmark measures the queue, not Telegram). */
  telegramLimits?: false;
}

/** How a test's ai worker differs from production's (workers/ai.ts and its Telegram delivery). */
export interface TAiWorkerOptions {
  concurrency?: number;
  /** BullMQ's lock: a killed worker's job is taken over this long after its last renewal. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Results bigger than this go out as `publicFileUrl` links instead of uploads. */
  uploadLimitBytes?: number;
  publicFileUrl?: (file: StoredFile) => string | null;
  /** The Bot API client to deliver through (a test's misbehaving Telegram); the worker adds its retries. */
  api?: Api;
}

/** How a test's runs reach Telegram (see runDeps). */
export type TRunDepsOptions = {
  /** Installed in front of the Bot API: a test's stand-in for Telegram misbehaving. */
  telegram?: Transformer;
  onFinished?: TRunDeps['onFinished'];
} & Pick<TTelegramDeliveryDeps, 'publicFileUrl' | 'uploadLimitBytes'>;

let userSeq = 0;

export async function startAiTestStack(opts: TAiTestStackOptions) {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const telegramServer = await startTelegramServer({ port: 0, limits: opts.telegramLimits });
    cleanups.push(() => telegramServer.close());
    const telegram = new TelegramTestClient(telegramServer.url);
    await telegram.registerBot({
      token: opts.botToken,
      username: 'ai_queue_test_bot',
      firstName: 'Polygram',
    });
    const openai = await startOpenAiStandIn({
      keys: [OPENAI_KEY],
      videoDurationMs: opts.videoDurationMs ?? 1_000,
    });
    cleanups.push(() => openai.close());
    const predictions = await startPredictionStandIn({
      tokens: [PREDICTION_TOKEN],
      models: PREDICTION_MODELS,
      defaults: { delayMs: opts.predictionDelayMs ?? 300 },
    });
    cleanups.push(() => predictions.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = await createTestRedis();
    cleanups.push(() => redis.cleanup());
    const root = await mkdtemp(join(tmpdir(), 'polygram-ai-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const db = database.db;
    await syncModelCatalog(db);

    // The worker's real context: the gateway over both stand-ins, a local file store, the `ai` queue.
    const built = createTestWorkerContext({
      database,
      redis,
      logLevel: opts.logLevel,
      env: {
        BOT_TOKEN: opts.botToken,
        TELEGRAM_API_ROOT: telegramServer.url,
        FILES_DIR: join(root, 'files'),
        AI_PROVIDERS: JSON.stringify({
          openai: { type: 'openai', baseUrl: openai.apiBase, keys: [OPENAI_KEY] },
          replicate: { type: 'prediction', baseUrl: `${predictions.url}/v1`, keys: [PREDICTION_TOKEN] },
        }),
      },
    });
    cleanups.push(() => built.close());
    const context = built.context;
    const { ai, fileStore: store, aiQueue: queue, logger, translator } = context;
    const workers: TRunningJob[] = [];
    cleanups.push(() => Promise.all(workers.map((w) => w.close({ force: true }))));
    const api = () => new Api(opts.botToken, { apiRoot: telegramServer.url });
    // What a process reaches outside itself, through a kill switch when the test is going to "kill" it.
    const outside = (kill?: TKillSwitch, telegramTransformer?: Transformer, base?: Api) => {
      const bot = base ?? api();
      if (kill) bot.config.use(kill.telegram);
      // Installed last, so it sees the calls first: a test's stand-in for Telegram misbehaving.
      if (telegramTransformer) bot.config.use(telegramTransformer);
      return kill
        ? { db: kill.db(db), ai: kill.service('ai', ai), store: kill.service('store', store), api: bot }
        : { db, ai, store, api: bot };
    };

    return {
      db,
      redis: redis.redis,
      keyPrefix: redis.prefix,
      queue,
      telegram,
      openai,
      predictions,
      ai,
      store,
      api,
      translator,
      /**
       * The production `ai` job (workers/ai.ts) started through the registry's runner, with test knobs. With
       * `kill`, everything it reaches outside goes through the switch: once the switch is killed it behaves
       * as a dead process (close it with `{ force: true }` so BullMQ stops renewing its locks).
       */
      async startWorker(
        options: TAiWorkerOptions = {},
        { kill }: { kill?: TKillSwitch } = {},
      ): Promise<TRunningJob> {
        const reach = outside(kill, undefined, options.api);
        // As createDeliveryApi installs them (outermost: the switch sees each retry as a call of its own).
        reach.api.config.use(telegramRetries());
        const generationDelivery = createTelegramDelivery({
          api: reach.api,
          db: reach.db,
          translator,
          logger: context.logger,
          minEditIntervalMs: 0,
          uploadLimitBytes: options.uploadLimitBytes,
          publicFileUrl: options.publicFileUrl,
        });
        const locks = {
          ...aiJob.locks,
          ...(options.lockDurationMs !== undefined && { durationMs: options.lockDurationMs }),
          ...(options.stalledIntervalMs !== undefined && { stalledIntervalMs: options.stalledIntervalMs }),
        };
        const worker = await startJob(
          { ...aiJob, locks, concurrency: options.concurrency ?? aiJob.concurrency },
          { ...context, db: reach.db, ai: reach.ai, fileStore: reach.store, generationDelivery },
        );
        workers.push(worker);
        return worker;
      },

      /**
       * What the worker gives runGeneration, with the real Telegram delivery, for tests that drive a job's
       * runs themselves; through `kill` when given (see startWorker).
       */
      runDeps(options: TRunDepsOptions & { kill?: TKillSwitch } = {}): TRunDeps {
        const reach = outside(options.kill, options.telegram);
        // As the worker installs them (outermost: the switch sees each retry as a call of its own).
        reach.api.config.use(telegramRetries());
        const delivery = createTelegramDelivery({
          api: reach.api,
          db: reach.db,
          translator,
          logger,
          minEditIntervalMs: 0,
          publicFileUrl: options.publicFileUrl,
          uploadLimitBytes: options.uploadLimitBytes,
        });
        return {
          db: reach.db,
          ai: reach.ai,
          store: reach.store,
          delivery,
          logger,
          onFinished: options.onFinished,
        };
      },

      /**
       * The job's runs one after another, as the worker makes them (without BullMQ), until it is done; a run
       * that throws is retried, as the job's next attempt would be, up to `attempts` times.
       */
      async runToEnd(deps: TRunDeps, requestId: bigint, { attempts = 5 } = {}) {
        let failures = 0;
        for (let round = 0; round < 200; round++) {
          const outcome = await runGeneration(deps, requestId).catch((error: unknown) => {
            if (++failures >= attempts) throw error;
            return { kind: 'later' as const, delayMs: 100 };
          });
          if (outcome.kind === 'done') return outcome;
          await new Promise((r) => setTimeout(r, Math.min(outcome.delayMs, 100)));
        }
        throw new Error(`request ${requestId} did not finish`);
      },

      /**
       * The job's runs in a process that dies at the switch's point: `killed` once it is dead, `finished` when
       * the request was done before the switch was reached.
       */
      async runUntilKilled(
        kill: TKillSwitch,
        requestId: bigint,
        options: TRunDepsOptions = {},
      ): Promise<'killed' | 'finished'> {
        const run = this.runToEnd(this.runDeps({ ...options, kill }), requestId);
        return Promise.race([kill.killed.then(() => 'killed' as const), run.then(() => 'finished' as const)]);
      },

      /** A signed-up user with `tokens` perpetual tokens, known to the local Bot API. */
      async newUser(tokens: bigint, language: 'en' | 'ru' = 'en'): Promise<bigint> {
        const id = 7_400_000_000 + (process.pid % 1000) * 10_000 + userSeq++;
        await telegram.upsertUser({ id, first_name: `U${id}` });
        const { user } = await touchUser(db, { id: BigInt(id), firstName: `U${id}` });
        await db.user.update({ where: { id: user.id }, data: { language, signedUpAt: new Date() } });
        if (tokens > 0n)
          await db.$transaction(
            (tx) =>
              creditTokens(tx, {
                key: `ai-test:${id}`,
                userId: user.id,
                amount: tokens,
                source: 'purchase',
                expiresAt: null,
                type: 'topup',
                actor: { type: 'system' },
                reason: 'test',
              }),
            LEDGER_TX_OPTIONS,
          );
        return user.id;
      },

      /** Accepts a request as the bot does: a status message in the user's chat first. */
      async accept(
        userId: bigint,
        input: Omit<TAcceptGeneration, 'userId' | 'source' | 'language' | 'telegram'>,
      ): Promise<AiRequest> {
        const status = await api().sendMessage(userId.toString(), '⏳');
        const { request } = await acceptGeneration(
          { db, ai, queue },
          {
            ...input,
            userId,
            source: 'bot',
            language: 'en',
            telegram: { chatId: userId, statusMessageId: status.message_id },
          },
        );
        return request;
      },

      /** The row once it is final and announced (nothing left to do outside); throws after `timeoutMs`. */
      async settled(requestId: bigint, timeoutMs = 30_000): Promise<AiRequest> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const row = await db.aiRequest.findUniqueOrThrow({ where: { id: requestId } });
          if (row.notifiedAt !== null) return row;
          if (Date.now() > deadline) throw new Error(`request ${requestId} still ${row.status}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      },

      /** The bot's side of a user's chat, sorted out for counting. */
      async chat(userId: bigint, statusMessageId: number | null) {
        const messages = (await telegram.messages({ token: opts.botToken, chatId: Number(userId) })).filter(
          (m) => m.sender === 'bot',
        );
        const others = messages.filter((m) => m.message_id !== statusMessageId);
        const isNote = (text: string | undefined) => /may not have arrived|мог не дойти/.test(text ?? '');
        return {
          status: messages.find((m) => m.message_id === statusMessageId),
          /** Copies of the result: an upload, or the link message of a file too big to upload. */
          results: others.filter(
            (m) => m.media !== undefined || /more than Telegram lets a bot send/.test(m.text ?? ''),
          ),
          notes: others.filter((m) => isNote(m.text)),
          failures: others.filter((m) => /Nothing was charged/.test(m.text ?? '')),
          all: others,
        };
      },

      async tokens(userId: bigint) {
        const account = await db.ledgerAccount.findUnique({
          where: { userId_asset: { userId, asset: 'TOKEN' } },
        });
        return { balance: account?.balance ?? 0n, held: account?.held ?? 0n };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export type TAiTestStack = Awaited<ReturnType<typeof startAiTestStack>>;
