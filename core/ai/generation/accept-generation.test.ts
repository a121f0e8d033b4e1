import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf, ZProvidersSchema } from '#core/ai/providers/provider-config.ts';
import { isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { saveFile } from '#core/files/save-file.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { acceptGeneration, type TAcceptDeps, type TAcceptGeneration } from './accept-generation.ts';
import { generationCacheKey } from './cache-key.ts';
import { AI_QUEUE, enqueueGeneration, type TAiJob } from './generation-job.ts';

let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TAiJob>;
let deps: TAcceptDeps;
let root: string;
let store: TFileStore;
let nextId = 7_500_000_000 + (process.pid % 1000) * 1000;

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  await syncModelCatalog(database.db);
  root = await mkdtemp(join(tmpdir(), 'polygram-accept-'));
  store = createLocalFileStore(root);
  // Nothing here calls a provider (`serves` reads configuration); Midjourney is routed to a provider that
  // is not configured, so it is not served.
  const providers = ZProvidersSchema.parse({
    openai: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', keys: ['sk-accept-test'] },
    replicate: { type: 'prediction', baseUrl: 'http://127.0.0.1:9/v1', keys: ['r8-accept-test'] },
  });
  const routes = { midjourney: [{ provider: 'gateway', model: 'midjourney/v7' }] };
  const ai = createAiGateway({
    config: aiConfigOf({ AI_PROVIDERS: providers, AI_ROUTES: routes }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
  });
  deps = { db: database.db, ai, queue };
});
after(async () => {
  await queue.close();
  await database.drop();
  await redis.cleanup();
  await rm(root, { recursive: true, force: true });
});

async function newUser(tokens: bigint): Promise<bigint> {
  const id = BigInt(nextId++);
  await touchUser(database.db, { id, firstName: `U${id}` });
  if (tokens > 0n)
    await database.db.$transaction(
      (tx) =>
        creditTokens(tx, {
          key: `accept-test:${id}`,
          userId: id,
          amount: tokens,
          source: 'purchase',
          expiresAt: null,
          type: 'topup',
          actor: { type: 'system' },
          reason: 'test',
        }),
      LEDGER_TX_OPTIONS,
    );
  return id;
}

const accept = (userId: bigint, input: Partial<TAcceptGeneration>) =>
  acceptGeneration(deps, {
    userId,
    modelId: 'dall-e-3',
    source: 'miniapp',
    prompt: 'a lighthouse at dawn',
    language: 'en',
    ...input,
  });

const refusedWith = (code: TAppErrorCode, details?: Record<string, unknown>) => (error: unknown) => {
  assert.ok(isAppError(error, code), `expected ${code}, got ${String(error)}`);
  if (details) for (const [k, v] of Object.entries(details)) assert.deepEqual(error.details[k], v, k);
  return true;
};

test('an accepted request: a queued row with its price, a hold named after it, a job named after it', async () => {
  const userId = await newUser(50_000n);
  const { request, cacheHit } = await accept(userId, {
    source: 'bot',
    telegram: { chatId: userId, statusMessageId: 42 },
    language: 'ru',
  });
  assert.equal(cacheHit, false);
  assert.equal(request.status, 'queued');
  assert.equal(request.price, 8_000n);
  assert.equal(request.holdKey, `ai:${request.id}`);
  assert.deepEqual(request.params, { size: '1024x1024', inputFileIds: [] });
  assert.equal(
    request.cacheKey,
    generationCacheKey({
      modelId: 'dall-e-3',
      params: { size: '1024x1024' },
      prompt: 'a lighthouse at dawn',
      inputHashes: [],
    }),
  );
  assert.deepEqual(
    { chatId: request.chatId, statusMessageId: request.statusMessageId, language: request.language },
    { chatId: userId, statusMessageId: 42, language: 'ru' },
  );
  const hold = await database.db.hold.findUniqueOrThrow({ where: { key: `ai:${request.id}` } });
  assert.deepEqual({ status: hold.status, amount: hold.amount }, { status: 'active', amount: 8_000n });
  assert.ok(hold.expiresAt.getTime() - Date.now() > 2 * 3_600_000, 'the hold outlives the slowest video');
  const job = await queue.getJob(`ai-${request.id}`);
  assert.deepEqual(job?.data, { requestId: request.id.toString() });

  // Enqueueing the same request again is a no-op.
  await enqueueGeneration(queue, request.id);
  await enqueueGeneration(queue, request.id);
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
  assert.equal(jobs.filter((j) => j.data.requestId === request.id.toString()).length, 1);
});

test('the live price is the one reserved, and a switched-off model is refused', async () => {
  const userId = await newUser(50_000n);
  await database.db.aiModel.update({ where: { id: 'dall-e-3' }, data: { tokenPrice: 9_500n } });
  try {
    const { request } = await accept(userId, { prompt: 'priced live' });
    assert.equal(request.price, 9_500n);
    await database.db.aiModel.update({ where: { id: 'dall-e-3' }, data: { enabled: false } });
    await assert.rejects(accept(userId, { prompt: 'switched off' }), refusedWith('MODEL_UNAVAILABLE'));
  } finally {
    await database.db.aiModel.update({
      where: { id: 'dall-e-3' },
      data: { tokenPrice: 8_000n, enabled: true },
    });
  }
  // Served by no configured provider, unknown, or not a generating model.
  await assert.rejects(accept(userId, { modelId: 'midjourney' }), refusedWith('MODEL_UNAVAILABLE'));
  await assert.rejects(accept(userId, { modelId: 'no-such-model' }), refusedWith('MODEL_NOT_FOUND'));
  await assert.rejects(
    accept(userId, { modelId: 'gpt-4o' }),
    refusedWith('INVALID_INPUT', { reason: 'not_generating' }),
  );
});

test('input is checked per model before anything is written', async () => {
  const userId = await newUser(200_000n);
  const rows = () => database.db.aiRequest.count({ where: { userId } });
  await assert.rejects(
    accept(userId, { prompt: '   ' }),
    refusedWith('INVALID_INPUT', { reason: 'prompt_required' }),
  );
  await assert.rejects(
    accept(userId, { prompt: 'x'.repeat(2_001) }),
    refusedWith('INVALID_INPUT', { reason: 'prompt_too_long', max: 2_000 }),
  );
  await assert.rejects(
    accept(userId, { params: { size: '640x480' } }),
    refusedWith('INVALID_INPUT', { reason: 'params' }),
  );
  await assert.rejects(
    accept(userId, { params: { quality: 'hd' } }),
    refusedWith('INVALID_INPUT', { reason: 'params' }),
  );
  await assert.rejects(
    accept(userId, { modelId: 'sora-2', params: { seconds: 5 } }),
    refusedWith('INVALID_INPUT', { reason: 'params' }),
  );
  await assert.rejects(
    accept(userId, { modelId: 'replace-background', prompt: 'a beach' }),
    refusedWith('INVALID_INPUT', { reason: 'input_image_required' }),
  );
  // Someone else's file, or one that does not exist, is no input either.
  await assert.rejects(
    accept(userId, { modelId: 'dall-e-3', inputFileIds: ['nope'] }),
    refusedWith('INVALID_INPUT', { reason: 'unexpected_input' }),
  );
  assert.equal(await rows(), 0);
  const { request } = await accept(userId, { modelId: 'sora-2', params: { seconds: 8, aspect: '9:16' } });
  assert.deepEqual(request.params, { seconds: 8, aspect: '9:16', inputFileIds: [] });
});

test('a photo tool takes one stored photo of the user, and its content hash is part of the cache key', async () => {
  const userId = await newUser(50_000n);
  const otherId = await newUser(0n);
  const png = renderPromptImage('input photo', 64, 48);
  const file = await saveFile(
    { db: database.db, store },
    { userId, kind: 'image', name: 'in.png', mimeType: 'image/png', data: png },
  );
  const others = await saveFile(
    { db: database.db, store },
    { userId: otherId, kind: 'image', name: 'in.png', mimeType: 'image/png', data: png },
  );
  await assert.rejects(
    accept(userId, { modelId: 'upscale', prompt: '', inputFileIds: [others.id] }),
    refusedWith('INVALID_INPUT', { reason: 'input_image_required' }),
  );
  const { request } = await accept(userId, {
    modelId: 'upscale',
    prompt: 'ignored',
    inputFileIds: [file.id],
  });
  assert.equal(request.prompt, '', 'a tool without a prompt drops what it was given');
  assert.deepEqual(request.params, { scale: 2, inputFileIds: [file.id] });
  assert.equal(
    request.cacheKey,
    generationCacheKey({ modelId: 'upscale', params: { scale: 2 }, prompt: '', inputHashes: [file.sha256] }),
  );
});

test('not enough tokens: INSUFFICIENT_FUNDS and nothing written', async () => {
  const userId = await newUser(7_999n);
  await assert.rejects(accept(userId, {}), refusedWith('INSUFFICIENT_FUNDS'));
  assert.equal(await database.db.aiRequest.count({ where: { userId } }), 0);
  assert.equal(await database.db.hold.count({ where: { account: { userId } } }), 0);
  const account = await database.db.ledgerAccount.findUniqueOrThrow({
    where: { userId_asset: { userId, asset: 'TOKEN' } },
  });
  assert.deepEqual({ balance: account.balance, held: account.held }, { balance: 7_999n, held: 0n });
});

test('a free user gets five generations an hour; the sixth is refused with the time the next one fits', async () => {
  const userId = await newUser(1_000_000n);
  const t0 = new Date(Date.now() - 50 * 60_000);
  for (let i = 0; i < 5; i++)
    await accept(userId, { prompt: `picture ${i}`, now: new Date(t0.getTime() + i * 60_000) });
  await assert.rejects(
    accept(userId, { prompt: 'picture 6' }),
    refusedWith('RATE_LIMITED', { retryAt: new Date(t0.getTime() + 3_600_000), limit: 5 }),
  );
  assert.equal(await database.db.aiRequest.count({ where: { userId } }), 5);
  // A subscriber's ceiling is higher: the same hour's hits count, the sixth fits.
  await database.db.entitlement.create({
    data: {
      userId,
      kind: 'ai_subscription',
      productId: 'ai-sub-7d',
      tier: 'basic',
      startsAt: new Date(Date.now() - 1000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await accept(userId, { prompt: 'picture 6' });
});
