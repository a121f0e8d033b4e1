import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { AiKind, AiRequestStatus } from '#core/db/generated/client.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { aiStats } from './ai-stats.ts';

let t: TestDatabase;
let userId: bigint;
const now = new Date('2026-12-01T12:00:00Z');
const hour = 3_600_000;

before(async () => {
  t = await createTestDatabase();
  userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'U' })).user.id;
});
after(() => t.drop());

async function seed(
  kind: AiKind,
  modelId: string,
  status: AiRequestStatus,
  opts: { ms?: number; errorCode?: string; cacheHit?: boolean; createdAt?: Date } = {},
) {
  const createdAt = opts.createdAt ?? new Date(now.getTime() - 2 * hour);
  const startedAt = opts.ms === undefined ? null : new Date(createdAt.getTime() + 1_000);
  await t.db.aiRequest.create({
    data: {
      userId,
      kind,
      modelId,
      source: 'bot',
      status,
      price: 100n,
      cacheHit: opts.cacheHit ?? false,
      errorCode: opts.errorCode ?? null,
      createdAt,
      startedAt,
      finishedAt: startedAt && opts.ms !== undefined ? new Date(startedAt.getTime() + opts.ms) : null,
    },
  });
}

test('requests by model and kind, failures and their reasons, processing time, cache hits', async () => {
  for (const ms of [100, 200, 300, 1_000]) await seed('text', 'gpt-4o', 'succeeded', { ms });
  await seed('text', 'gpt-4o', 'failed', { ms: 50, errorCode: 'provider_timeout' });
  await seed('video', 'kling', 'succeeded', { ms: 10_000 });
  await seed('video', 'kling', 'succeeded', { ms: 20_000 });
  // A cache hit was delivered, but no provider worked on it: it is not a processing time.
  await seed('video', 'kling', 'succeeded', { ms: 5, cacheHit: true });
  await seed('video', 'kling', 'failed', { ms: 3_000, errorCode: 'provider_unavailable' });
  await seed('video', 'kling', 'failed', { errorCode: 'provider_unavailable' });
  await seed('video', 'kling', 'failed');
  await seed('video', 'kling', 'running', { ms: undefined });
  // Outside the period: ten days ago and one in the future of `to`.
  await seed('image', 'dall-e-3', 'succeeded', { ms: 9, createdAt: new Date(now.getTime() - 240 * hour) });
  await seed('image', 'dall-e-3', 'failed', { errorCode: 'late', createdAt: new Date(now.getTime() + hour) });

  const stats = await aiStats(t.db, { from: new Date(now.getTime() - 7 * 24 * hour), to: now });

  assert.deepEqual(stats.byModel, [
    {
      kind: 'video',
      modelId: 'kling',
      requests: 7,
      succeeded: 3,
      failed: 3,
      canceled: 0,
      pending: 1,
      cacheHits: 1,
      avgMs: 15_000,
      // percentile_cont over [10 s, 20 s]: 10 + 0.95 × 10.
      p95Ms: 19_500,
    },
    {
      kind: 'text',
      modelId: 'gpt-4o',
      requests: 5,
      succeeded: 4,
      failed: 1,
      canceled: 0,
      pending: 0,
      cacheHits: 0,
      avgMs: 400,
      // Position 0.95 × 3 = 2.85 in [100, 200, 300, 1000]: 300 + 0.85 × 700.
      p95Ms: 895,
    },
  ]);
  assert.deepEqual(
    stats.byKind.map((k) => [k.kind, k.requests, k.failed, k.avgMs]),
    [
      ['video', 7, 3, 15_000],
      ['text', 5, 1, 400],
    ],
  );
  assert.deepEqual(stats.total, {
    requests: 12,
    succeeded: 7,
    failed: 4,
    canceled: 0,
    pending: 1,
    cacheHits: 1,
    avgMs: Math.round(31_600 / 6),
    // Position 0.95 × 5 = 4.75 in [100, 200, 300, 1000, 10000, 20000].
    p95Ms: 17_500,
  });
  assert.deepEqual(stats.topFailures, [
    { errorCode: 'provider_unavailable', count: 2 },
    { errorCode: 'provider_timeout', count: 1 },
    { errorCode: 'unknown', count: 1 },
  ]);
});

test('an empty period has zero counts and no times', async () => {
  const stats = await aiStats(t.db, { from: new Date('2020-01-01'), to: new Date('2020-01-02') });
  assert.deepEqual(stats.total, {
    requests: 0,
    succeeded: 0,
    failed: 0,
    canceled: 0,
    pending: 0,
    cacheHits: 0,
    avgMs: null,
    p95Ms: null,
  });
  assert.deepEqual([stats.byKind, stats.byModel, stats.topFailures], [[], [], []]);
});
