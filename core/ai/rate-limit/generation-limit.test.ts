import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { acceptGeneration, type TAcceptDeps } from '#core/ai/generation/accept-generation.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { recoverLostGenerations } from '#core/ai/generation/recover-lost-generations.ts';
import { settleFailed } from '#core/ai/generation/settle-generation.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf, ZProvidersSchema } from '#core/ai/providers/provider-config.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createLogger } from '#core/logging/logger.ts';
import { newStudioUser } from '#tests/support/studio-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { GENERATIONS_PER_HOUR, generationQuota } from './generation-limit.ts';

let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TAiJob>;
let deps: TAcceptDeps;
const logger = createLogger({ level: 'silent', name: 'generation-limit-test' });

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  await syncModelCatalog(database.db);
  // `serves` reads configuration only: nothing here calls a provider.
  const providers = ZProvidersSchema.parse({
    openai: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', keys: ['sk-limit-test'] },
  });
  const ai = createAiGateway({
    config: aiConfigOf({ AI_PROVIDERS: providers, AI_ROUTES: {} }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
  });
  deps = { db: database.db, ai, queue };
});
after(async () => {
  await queue.close();
  await database.drop();
  await redis.cleanup();
});

const accept = (userId: bigint, prompt: string, now?: Date) =>
  acceptGeneration(deps, { userId, modelId: 'dall-e-3', source: 'miniapp', prompt, language: 'en', now });
const left = async (userId: bigint) =>
  (await generationQuota(database.db, { userId, tier: 'free' })).remaining;
const failure = { code: 'provider_failed' as const, message: 'the provider returned no output' };

test('the tiers’ ceilings', () => {
  assert.deepEqual(GENERATIONS_PER_HOUR, { free: 5, basic: 100, premium: 500 });
});

test('a free user: five an hour, the sixth refused with its tier and the time the oldest one leaves', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  const t0 = new Date(Date.now() - 50 * 60_000);
  for (let i = 0; i < 5; i++) await accept(userId, `picture ${i}`, new Date(t0.getTime() + i * 60_000));
  assert.deepEqual(await generationQuota(database.db, { userId, tier: 'free' }), {
    tier: 'free',
    limit: 5,
    used: 5,
    remaining: 0,
    retryAt: new Date(t0.getTime() + 3_600_000),
  });
  await assert.rejects(accept(userId, 'picture 6'), (error: unknown) => {
    assert.ok(isAppError(error, 'RATE_LIMITED'));
    assert.deepEqual(error.details, { retryAt: new Date(t0.getTime() + 3_600_000), limit: 5, tier: 'free' });
    return true;
  });
  const holds = await database.db.hold.findMany({ where: { account: { userId } } });
  assert.equal(holds.filter((h) => h.status === 'active').length, 5, 'the refused one reserved nothing');
});

test('a failed generation gives its slot back, and settling it twice gives it back once', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  assert.equal(await left(userId), 5);
  const { request: first } = await accept(userId, 'first');
  await accept(userId, 'second');
  assert.equal(await left(userId), 3);

  assert.equal(await settleFailed({ db: database.db, logger }, first, failure), 'failed');
  assert.equal(await left(userId), 4, 'nothing was charged, so it does not count');
  assert.equal(await settleFailed({ db: database.db, logger }, first, failure), 'already_final');
  assert.equal(await left(userId), 4, 'a retried settle gives nothing back a second time');

  // Four more fit now (the failed one is not among them), and the sixth accepted one is refused.
  for (let i = 0; i < 4; i++) await accept(userId, `again ${i}`);
  await assert.rejects(accept(userId, 'one too many'), (e: unknown) => isAppError(e, 'RATE_LIMITED'));
});

test('after a full hour of failures the quota is whole again', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  const accepted = [];
  for (let i = 0; i < 5; i++) accepted.push((await accept(userId, `doomed ${i}`)).request);
  assert.equal(await left(userId), 0);
  for (const request of accepted) await settleFailed({ db: database.db, logger }, request, failure);
  assert.equal(await left(userId), 5);
});

test('a request the recovery gives up on (its job was lost) gives its slot back too', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  const { request } = await accept(userId, 'lost');
  await queue.remove(`ai-${request.id}`);
  assert.equal(await left(userId), 4);
  // Seen from past its hold's life, the recovery fails it (and releases it) instead of enqueueing it again.
  const later = new Date(Date.now() + 4 * 3_600_000);
  const recovered = await recoverLostGenerations({ db: database.db, queue }, later);
  assert.ok(recovered.abandoned.includes(request.id));
  assert.equal(await left(userId), 5);
});

test('parallel requests of one user never pass the limit', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => accept(userId, `race ${i}`)));
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 5);
  for (const r of results)
    if (r.status === 'rejected') assert.ok(isAppError(r.reason, 'RATE_LIMITED'), String(r.reason));
  assert.equal(
    await database.db.hold.count({ where: { account: { userId }, status: 'active' } }),
    5,
    'the refused ones released what they reserved',
  );
});

test('chat requests do not use generation slots; a subscriber’s ceiling counts the same hour', async () => {
  const userId = await newStudioUser(database.db, { tokens: 1_000_000n });
  // A chat reply's row (instant-request-log.ts): its hold is named after the kind, not the row.
  await database.db.aiRequest.create({
    data: {
      userId,
      kind: 'text',
      modelId: 'gpt-4o',
      source: 'bot',
      status: 'succeeded',
      price: 1_000n,
      holdKey: `ai:text:${userId}`,
    },
  });
  for (let i = 0; i < 5; i++) await accept(userId, `mine ${i}`);
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
  const quota = await generationQuota(database.db, { userId, tier: 'basic' });
  assert.deepEqual({ used: quota.used, remaining: quota.remaining }, { used: 5, remaining: 95 });
  await accept(userId, 'sixth, on a plan');
});
