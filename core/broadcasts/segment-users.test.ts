import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PaymentStatus } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import {
  ACTIVE_WINDOW_MS,
  countSegmentUsers,
  segmentCondition,
  type TSegmentTarget,
} from './segment-users.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 24 * 3600 * 1000;

test('the condition always excludes banned and bot-blocked users, and binds values instead of inlining them', () => {
  for (const segment of ['all', 'paid_ever', 'never_paid', 'active_7d', 'unfinished_signup'] as const) {
    const sql = segmentCondition({ segment }, NOW).sql;
    assert.match(sql, /u\.status = 'active' AND u\.bot_blocked_at IS NULL/, segment);
  }
  for (const segment of ['all', 'paid_ever', 'never_paid', 'active_7d'] as const)
    assert.match(segmentCondition({ segment }, NOW).sql, /u\.signed_up_at IS NOT NULL/, segment);
  assert.match(segmentCondition({ segment: 'unfinished_signup' }, NOW).sql, /u\.signed_up_at IS NULL/);
  const active = segmentCondition({ segment: 'active_7d' }, NOW);
  assert.deepEqual(active.values, [new Date(NOW.getTime() - ACTIVE_WINDOW_MS)]);
  const language = segmentCondition({ segment: 'language', language: 'ru' }, NOW);
  assert.deepEqual(language.values, ['ru']);
  assert.match(segmentCondition({ segment: 'never_paid' }, NOW).sql, /NOT EXISTS/);
});

test('the language segment without a language is refused, not widened to everyone', () => {
  assert.throws(
    () => segmentCondition({ segment: 'language' }, NOW),
    (error) => isAppError(error, 'INVALID_INPUT'),
  );
});

let t: TestDatabase;
const ids: Record<string, bigint> = {};

before(async () => {
  t = await createTestDatabase();
  const person = async (
    name: string,
    data: {
      language: 'ru' | 'en';
      activeDaysAgo: number;
      banned?: boolean;
      blocked?: boolean;
      /** Stopped before accepting the terms: the signup conversation never finished. */
      unfinished?: boolean;
    },
    payments: PaymentStatus[] = [],
  ) => {
    const id = uniqueTelegramId();
    ids[name] = id;
    await t.db.user.create({
      data: {
        id,
        firstName: name,
        referralCode: `seg${id}`,
        language: data.language,
        lastActiveAt: new Date(NOW.getTime() - data.activeDaysAgo * DAY),
        status: data.banned ? 'banned' : 'active',
        botBlockedAt: data.blocked ? NOW : null,
        signedUpAt: data.unfinished ? null : new Date(NOW.getTime() - 30 * DAY),
        termsAcceptedAt: data.unfinished ? null : new Date(NOW.getTime() - 30 * DAY),
      },
    });
    for (const status of payments) {
      await t.db.payment.create({
        data: {
          userId: id,
          provider: 'stars',
          productId: 'p',
          product: {},
          amount: 100n,
          currency: 'XTR',
          status,
        },
      });
    }
  };
  await person('payer', { language: 'en', activeDaysAgo: 0 }, ['succeeded']);
  await person('refunded', { language: 'ru', activeDaysAgo: 10 }, ['refunded', 'canceled']);
  await person('tried', { language: 'ru', activeDaysAgo: 1 }, ['pending', 'canceled']);
  await person('idle', { language: 'en', activeDaysAgo: 8 });
  await person('banned', { language: 'en', activeDaysAgo: 0, banned: true }, ['succeeded']);
  await person('blocked', { language: 'ru', activeDaysAgo: 0, blocked: true }, ['partially_refunded']);
  // Opened the bot today and left at the terms: active, Russian, never paid, in no segment but their own.
  await person('unfinished', { language: 'ru', activeDaysAgo: 0, unfinished: true });
  await person('unfinished-banned', { language: 'ru', activeDaysAgo: 0, unfinished: true, banned: true });
});
after(() => t.drop());

async function members(target: TSegmentTarget): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ id: bigint }[]>`
    SELECT u.id FROM users u WHERE ${segmentCondition(target, NOW)}`;
  const names = Object.entries(ids)
    .filter(([, id]) => rows.some((r) => r.id === id))
    .map(([name]) => name);
  assert.equal(await countSegmentUsers(t.db, target, NOW), rows.length, 'the preview count matches');
  return names.sort();
}

test('each segment picks exactly its people from the database', async () => {
  assert.deepEqual(await members({ segment: 'all' }), ['idle', 'payer', 'refunded', 'tried']);
  // A refund still means "paid ever"; a pending or canceled payment does not.
  assert.deepEqual(await members({ segment: 'paid_ever' }), ['payer', 'refunded']);
  assert.deepEqual(await members({ segment: 'never_paid' }), ['idle', 'tried']);
  assert.deepEqual(await members({ segment: 'active_7d' }), ['payer', 'tried']);
  assert.deepEqual(await members({ segment: 'language', language: 'ru' }), ['refunded', 'tried']);
  assert.deepEqual(await members({ segment: 'language', language: 'en' }), ['idle', 'payer']);
});

test('a user who never accepted the terms and a banned user are left out; only the signed-up one is reached', async () => {
  for (const segment of ['all', 'never_paid', 'active_7d'] as const) {
    const reached = await members({ segment });
    assert.ok(reached.includes('tried'), `${segment}: the signed-up user is reached`);
    assert.ok(!reached.includes('unfinished'), `${segment}: the unfinished signup is left out`);
    assert.ok(!reached.includes('banned'), `${segment}: the banned user is left out`);
  }
  assert.deepEqual(await members({ segment: 'language', language: 'ru' }), ['refunded', 'tried']);
});

test('the explicit "never finished signup" segment reaches exactly them, still without the banned', async () => {
  assert.deepEqual(await members({ segment: 'unfinished_signup' }), ['unfinished']);
});
