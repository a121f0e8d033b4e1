import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { completeSignup } from '#core/accounts/complete-signup.ts';
import { recordLogin } from '#core/accounts/record-login.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS, spendTokens } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { startBigQueryStandIn, type TBigQueryStandIn } from '#sandbox/bigquery/bigquery-stand-in.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { ZBalanceChangePayloadSchema, ZSessionPayloadSchema } from './analytics-events.ts';
import type { TAnalyticsSink } from './analytics-sink.ts';
import { createBigQuerySink } from './bigquery-sink.ts';
import { exportEvents } from './export-events.ts';
import { createNdjsonSink } from './ndjson-sink.ts';
import { recordEvent } from './record-event.ts';

let t: TestDatabase;
let bq: TBigQueryStandIn;
let dir: string;
before(async () => {
  t = await createTestDatabase();
  bq = await startBigQueryStandIn({ token: 'bq-token' });
});
after(async () => {
  await bq.close();
  await t.drop();
});
beforeEach(async () => {
  // Every export test starts from an empty outbox, fresh cursors and an empty folder.
  await t.db.analyticsEvent.deleteMany();
  await t.db.analyticsCursor.deleteMany();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(join(tmpdir(), 'polygram-analytics-test-'));
});

let keySeq = 0;
const key = (what: string) => `${what}:${process.pid}:${keySeq++}`;
const newUser = async (email?: string) => {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'A' });
  if (email) await t.db.user.update({ where: { id: user.id }, data: { email } });
  return user.id;
};
const credit = (userId: bigint, amount: bigint) =>
  t.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: key('credit'),
        userId,
        amount,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );
/** n session events, each in its own transaction, as logins would write them. */
const sessions = async (n: number) => {
  const userId = await newUser();
  for (let i = 0; i < n; i++) await recordLogin(t.db, { userId, source: 'miniapp', ip: `10.0.0.${i}` });
};
async function ndjsonIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const line of text.split('\n').filter(Boolean))
      ids.push((JSON.parse(line) as { event_id: string }).event_id);
  }
  return ids;
}
const allIds = async () =>
  (await t.db.analyticsEvent.findMany({ orderBy: { id: 'asc' } })).map((e) => e.id.toString());

describe('writing events', () => {
  test('logins and signups write a session event with the email, in the login transaction', async () => {
    const userId = await newUser('a@example.com');
    await recordLogin(t.db, { userId, source: 'miniapp', ip: '203.0.113.9', userAgent: 'UA/1' });
    await completeSignup(t.db, { userId, language: 'en' });
    const events = await t.db.analyticsEvent.findMany({ where: { userId }, orderBy: { id: 'asc' } });
    assert.deepEqual(
      events.map((e) => [e.type, ZSessionPayloadSchema.parse(e.payload).action]),
      [
        ['session', 'login'],
        ['session', 'signup'],
      ],
    );
    assert.deepEqual(events[0]?.payload, {
      action: 'login',
      source: 'miniapp',
      ip: '203.0.113.9',
      geo: null,
      useragent: 'UA/1',
      email: 'a@example.com',
    });
    assert.equal(await t.db.loginEvent.count({ where: { userId } }), 2);
  });

  test('every ledger entry on a user account becomes a balance_change; platform-only moves do not', async () => {
    const userId = await newUser('b@example.com');
    await credit(userId, 100n);
    await spendTokens(t.db, { key: key('spend'), userId, amount: 30n, reason: 'work' });
    await t.db.$transaction((tx) =>
      postTransaction(tx, {
        key: key('platform'),
        type: 'manual',
        actor: { type: 'system' },
        reason: 'platform only',
        postings: [
          { account: { platform: 'issuance', asset: 'TOKEN' }, amount: -5n },
          { account: { platform: 'adjustments', asset: 'TOKEN' }, amount: 5n },
        ],
      }),
    );
    const events = await t.db.analyticsEvent.findMany({
      where: { type: 'balance_change' },
      orderBy: { id: 'asc' },
    });
    assert.equal(events.length, 2);
    assert.ok(events.every((e) => e.userId === userId));
    const payloads = events.map((e) => ZBalanceChangePayloadSchema.parse(e.payload));
    assert.deepEqual(
      payloads.map((p) => [p.action, p.asset, p.diff, p.old_balance, p.new_balance]),
      [
        ['topup', 'TOKEN', '100', '0', '100'],
        ['used', 'TOKEN', '-30', '100', '70'],
      ],
    );
    assert.equal((events[1]?.payload as { email?: string } | undefined)?.email, 'b@example.com');
  });

  test('a rolled-back ledger transaction leaves no event (and no entries)', async () => {
    const userId = await newUser();
    await assert.rejects(
      t.db.$transaction(async (tx) => {
        await creditTokens(tx, {
          key: key('rolled-back'),
          userId,
          amount: 50n,
          source: 'purchase',
          expiresAt: null,
          type: 'topup',
          actor: { type: 'system' },
          reason: 'test',
        });
        assert.equal(
          await tx.analyticsEvent.count({ where: { userId } }),
          1,
          'written inside the transaction',
        );
        throw new Error('caller fails after posting');
      }),
      /caller fails/,
    );
    assert.equal(await t.db.analyticsEvent.count({ where: { userId } }), 0);
    assert.equal(await t.db.ledgerEntry.count({ where: { account: { userId } } }), 0);
  });

  test('a payload that breaks its event schema is refused before anything is written', async () => {
    const userId = await newUser();
    await assert.rejects(
      t.db.$transaction((tx) =>
        recordEvent(tx, {
          type: 'task_launch',
          userId,
          payload: { taskid: '', task_properties: {} },
        }),
      ),
    );
    assert.equal(await t.db.analyticsEvent.count({ where: { userId } }), 0);
  });
});

describe('exporting', () => {
  test('NDJSON: running twice exports each event once, in id order, across batches', async () => {
    await sessions(7);
    const sink = createNdjsonSink({ dir });
    const first = await exportEvents(t.db, { sink, batchSize: 3 });
    assert.deepEqual([first.status, first.exported], ['done', 7]);
    const second = await exportEvents(t.db, { sink, batchSize: 3 });
    assert.equal(second.exported, 0);
    assert.deepEqual(await ndjsonIds(), await allIds());
    const [file] = await readdir(dir);
    assert.match(file ?? '', /^events-\d{4}-\d{2}-\d{2}\.ndjson$/);
  });

  test('a crash after the write but before the cursor moved: the retry writes no duplicate', async () => {
    await sessions(5);
    const ndjson = createNdjsonSink({ dir });
    let calls = 0;
    // Second batch: the rows reach the file, then the "process dies" before the cursor is saved.
    const crashing: TAnalyticsSink = {
      name: ndjson.name,
      async write(rows) {
        calls++;
        await ndjson.write(rows);
        if (calls === 2) throw new Error('crash after write');
      },
    };
    await assert.rejects(exportEvents(t.db, { sink: crashing, batchSize: 2 }), /crash after write/);
    const cursor = await t.db.analyticsCursor.findUniqueOrThrow({ where: { sink: 'ndjson' } });
    const ids = await allIds();
    assert.equal(cursor.lastEventId.toString(), ids[1], 'the cursor stayed after the first batch');
    assert.equal((await ndjsonIds()).length, 4, 'the failed batch did reach the file');
    const retry = await exportEvents(t.db, { sink: ndjson, batchSize: 2 });
    assert.equal(retry.exported, 3, 'the retry sends the same batch again, then the rest');
    assert.deepEqual(await ndjsonIds(), ids);
  });

  test('a torn last line is cut and its event written again', async () => {
    await sessions(3);
    const sink = createNdjsonSink({ dir });
    await exportEvents(t.db, { sink, batchSize: 2, maxBatches: 1 });
    const [file] = await readdir(dir);
    await appendFile(join(dir, file ?? ''), '{"event_id":"99999","type":"sess'); // died mid-append
    await exportEvents(t.db, { sink, batchSize: 2 });
    assert.deepEqual(await ndjsonIds(), await allIds());
  });

  test('two exporters on one sink at once write each event once', async () => {
    await sessions(12);
    const sink = createNdjsonSink({ dir });
    const results = await Promise.all([
      exportEvents(t.db, { sink, batchSize: 2 }),
      exportEvents(t.db, { sink, batchSize: 2 }),
    ]);
    // Whoever lost the lock stopped; a later run finishes whatever it left.
    await exportEvents(t.db, { sink, batchSize: 2 });
    assert.ok(results.some((r) => r.exported > 0));
    assert.deepEqual(await ndjsonIds(), await allIds());
  });

  test('an event whose transaction commits late is not skipped by a cursor that moved past it', async () => {
    const userId = await newUser();
    let commitLate!: () => void;
    const released = new Promise<void>((resolve) => {
      commitLate = resolve;
    });
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    // This transaction draws the lower id and then stays open.
    const late = t.db.$transaction(
      async (tx) => {
        await recordEvent(tx, {
          type: 'task_launch',
          userId,
          payload: { taskid: 'late', task_properties: {} },
        });
        inserted();
        await released;
      },
      { timeout: 20_000 },
    );
    await insertedYet;
    await t.db.$transaction((tx) =>
      recordEvent(tx, { type: 'task_launch', userId, payload: { taskid: 'early', task_properties: {} } }),
    );
    const sink = createNdjsonSink({ dir });
    const waiting = await exportEvents(t.db, { sink, settleWaitMs: 200 });
    assert.deepEqual([waiting.status, waiting.exported], ['busy', 0]);
    commitLate();
    await late;
    await exportEvents(t.db, { sink });
    const exported = await ndjsonIds();
    assert.deepEqual(exported, await allIds());
    assert.equal(exported.length, 2);
  });

  test('BigQuery: a failed request is retried and every event lands once, even one sent twice', async () => {
    await sessions(4);
    const userId = await newUser();
    await credit(userId, 10n);
    const table = '{type}';
    const real = createBigQuerySink({
      apiUrl: bq.url,
      project: 'p',
      dataset: 'd',
      table,
      accessToken: () => 'bq-token',
    });
    bq.control.failNext({ mode: 'http' });
    await assert.rejects(exportEvents(t.db, { sink: real, batchSize: 3 }));
    const cursor = await t.db.analyticsCursor.findUnique({ where: { sink: real.name } });
    assert.equal(cursor?.lastEventId ?? 0n, 0n, 'nothing accepted, nothing skipped');
    // Accepted by BigQuery but the worker died before saving the cursor: the batch goes out again.
    let calls = 0;
    const dying: TAnalyticsSink = {
      name: real.name,
      async write(rows) {
        await real.write(rows);
        if (++calls === 1) throw new Error('died after insertAll');
      },
    };
    await assert.rejects(exportEvents(t.db, { sink: dying, batchSize: 3 }), /died after insertAll/);
    const done = await exportEvents(t.db, { sink: real, batchSize: 3 });
    assert.equal(done.status, 'done');
    const stored = [...bq.control.rows('p.d.session'), ...bq.control.rows('p.d.balance_change')];
    const ids = stored.map((r) => r.insertId);
    assert.deepEqual([...ids].sort(), [...(await allIds())].sort());
    assert.equal(new Set(ids).size, ids.length, 'no event stored twice');
    const balance = bq.control.rows('p.d.balance_change')[0]?.json;
    assert.equal(balance?.action, 'topup');
    assert.equal(balance?.userid, userId.toString());
    assert.ok(
      bq.control.requests().length >= 4,
      'the failed and the repeated requests did reach the stand-in',
    );
  });
});
