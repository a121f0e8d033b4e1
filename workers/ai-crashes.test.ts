import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FAILURE_SLOT } from '#core/ai/generation/announce-outcome.ts';
import { RESULT_NOTE_SLOT } from '#core/ai/generation/deliver-result.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest, StoredFile } from '#core/db/generated/client.ts';
import { startAiTestStack, type TAiTestStack } from '#tests/support/ai-test-stack.ts';
import { crashPoints, createKillSwitch, killAt, walkCrashPoints } from '#tests/support/kill-switch.ts';

// Crash tests of the `ai` queue: a worker dies at every point of a job, or at random points of several jobs
// at once, and a fresh worker finishes. Whatever the point, every request ends with exactly one capture of
// its price (or one release when it failed), its status message edited to the outcome, and in its chat at
// most one copy of the result, never none: when a result message's fate was unknown, the one note with the
// link stands in for it (core/ai/generation/deliver-result.ts).

const TOKEN = '7000041:ai-crash-test-token-abcdefgh';
const SD_UPSTREAM = 'stability-ai/stable-diffusion-3.5-large';
const START_TOKENS = 100_000n;
// Short locks: a dead worker's job is taken over within two seconds instead of thirty.
const WORKER = { lockDurationMs: 1_500, stalledIntervalMs: 500 };
const link = (file: StoredFile) => `https://polygram.example/files/${file.id}?download=1&sig=test`;

let stack: TAiTestStack;
let seq = 0;

before(async () => {
  stack = await startAiTestStack({ botToken: TOKEN, predictionDelayMs: 100 });
  // Stable Diffusion always fails here: the release path.
  stack.predictions.control.setModel(SD_UPSTREAM, { failureRate: 1, delayMs: 100 });
});
after(() => stack?.close());

interface TCase {
  modelId: 'dall-e-3' | 'recraft' | 'stable-diffusion';
  outcome: 'succeeded' | 'failed';
}
/** A synchronous provider, a polled one, and one that fails. */
const CASES: TCase[] = [
  { modelId: 'dall-e-3', outcome: 'succeeded' },
  { modelId: 'recraft', outcome: 'succeeded' },
  { modelId: 'stable-diffusion', outcome: 'failed' },
];

async function accept(modelId: string) {
  const userId = await stack.newUser(START_TOKENS);
  const request = await stack.accept(userId, { modelId, prompt: `a paper crane, take ${++seq}` });
  return { userId, request };
}

/** Everything that must hold for one request, whatever died and where. */
async function assertExactlyOnce(
  userId: bigint,
  accepted: AiRequest,
  expected: TCase['outcome'],
  where: string,
) {
  const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: accepted.id } });
  const say = (what: string) => `${where}, request ${row.id} (${row.modelId}): ${what}`;
  assert.equal(row.status, expected, say(`ended ${row.status} (${row.errorMessage})`));
  assert.ok(row.notifiedAt, say('announced'));
  const price = findCatalogModel(row.modelId)?.tokenPrice ?? 0n;
  const captures = await stack.db.ledgerTransaction.count({
    where: { idempotencyKey: `hold:ai:${row.id}:capture` },
  });
  const hold = await stack.db.hold.findUniqueOrThrow({ where: { key: row.holdKey ?? '' } });
  const tokens = await stack.tokens(userId);
  const journal = await stack.db.aiRequestMessage.findMany({ where: { requestId: row.id } });
  const unknown = (slot: (s: string) => boolean) => journal.some((m) => slot(m.slot) && m.messageId === null);
  const chat = await stack.chat(userId, accepted.statusMessageId);
  const model = findCatalogModel(row.modelId)?.displayName;

  // Every message in the chat was journaled; a journaled id is a message in the chat.
  const ids = new Set(chat.all.map((m) => m.message_id));
  for (const m of journal)
    if (m.messageId !== null) assert.ok(ids.has(m.messageId), say(`${m.slot} in the chat`));
  assert.ok(chat.all.length <= journal.length, say('no message outside the journal'));

  if (expected === 'succeeded') {
    assert.deepEqual(
      [captures, hold.status, row.charged],
      [1, 'captured', price],
      say('captured once, in full'),
    );
    assert.deepEqual(tokens, { balance: START_TOKENS - price, held: 0n }, say('paid once'));
    const done = `✅ ${model}: done. Charged: ${price.toLocaleString('en-US')} tokens.`;
    assert.equal(chat.status?.text, done, say('status edited'));
    assert.ok(chat.results.length <= 1, say(`never two copies (${chat.results.length})`));
    const fateUnknown = unknown((s) => s.startsWith('result:'));
    if (fateUnknown) assert.equal(chat.notes.length, 1, say('one note where a send was not seen to its end'));
    else
      assert.deepEqual([chat.results.length, chat.notes.length], [1, 0], say('exactly one result, no note'));
    assert.equal(chat.failures.length, 0, say('no failure notice'));
  } else {
    assert.deepEqual(
      [captures, hold.status, row.charged],
      [0, 'released', 0n],
      say('released, nothing charged'),
    );
    assert.deepEqual(tokens, { balance: START_TOKENS, held: 0n }, say('tokens back'));
    assert.equal(chat.status?.text, `❌ ${model}: failed.`, say('status edited'));
    assert.deepEqual([chat.results.length, chat.notes.length], [0, 0], say('no result'));
    // A failure notice whose send was not seen to its end is not sent again: the edited status says it.
    const told = unknown((s) => s === FAILURE_SLOT) ? [0, 1] : [1];
    assert.ok(told.includes(chat.failures.length), say(`told once (${chat.failures.length})`));
  }
  assert.ok(
    !journal.some((m) => m.slot === RESULT_NOTE_SLOT) || expected === 'succeeded',
    say('note only for results'),
  );
}

test('a run killed at every point of a job: the next run finishes it, exactly once', async (t) => {
  let walked = 0;
  let total = 0;
  const notes = { result: 0, failure: 0 };
  // The very first capture also opens ledger accounts: done here, so every reference run is typical.
  const warmUp = await accept('dall-e-3');
  await stack.runToEnd(stack.runDeps(), warmUp.request.id);
  for (const { modelId, outcome } of CASES) {
    // A reference run of the same job lists its outside calls; then one fresh job is killed after each.
    const reference = createKillSwitch();
    const sample = await accept(modelId);
    assert.equal(
      await stack.runUntilKilled(reference, sample.request.id, { publicFileUrl: link }),
      'finished',
    );
    // Counted anew from the result's upload (for the failure: its release), so the points that matter
    // most, from the result to the announcement, are hit exactly however often the job polled.
    const points = crashPoints(reference.log, outcome === 'succeeded' ? 'store.put' : 'db.$transaction');
    total += points.length;
    walked += await walkCrashPoints(points, async (point) => {
      const { userId, request } = await accept(modelId);
      const kill = killAt(point);
      const ended = await stack.runUntilKilled(kill, request.id, { publicFileUrl: link });
      if (ended === 'killed') await stack.runToEnd(stack.runDeps({ publicFileUrl: link }), request.id);
      const where = ended === 'killed' ? `killed after ${point.label} #${point.nth}` : 'not killed';
      await assertExactlyOnce(userId, request, outcome, where);
      const unseen = await stack.db.aiRequestMessage.findMany({
        where: { requestId: request.id, messageId: null },
      });
      for (const m of unseen) notes[m.slot === FAILURE_SLOT ? 'failure' : 'result'] += 1;
      return ended;
    });
  }
  // These requests' jobs were never taken by a worker: none must run in the next test.
  await stack.queue.drain(true);
  t.diagnostic(
    `${walked} of ${total} crash points killed; a send's fate unknown at ${notes.result} (result) and ${notes.failure} (failure notice)`,
  );
  // A point missed is a poll the job did not need this time (the provider answered sooner).
  assert.ok(walked >= total - 6, `the crash points of three jobs were walked (${walked} of ${total})`);
  assert.ok(notes.result >= 4 && notes.failure >= 2, 'the windows around every send were among them');
});

test('workers killed at random moments while several jobs run: a fresh worker finishes every job, exactly once', async (t) => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
  let state = seed;
  // A small seeded generator, so a failing round can be replayed with CRASH_SEED.
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  let callsPerRound = 0;
  let kills = 0;
  for (let round = 0; round < 12; round++) {
    const requests = [];
    for (const { modelId, outcome } of CASES) requests.push({ ...(await accept(modelId)), outcome });
    // Round 0 is not killed: it measures how many outside calls a round makes.
    const afterCalls = round === 0 ? undefined : 1 + Math.floor(random() * callsPerRound);
    const kill = createKillSwitch({ afterCalls });
    const doomed = await stack.startWorker({ ...WORKER, publicFileUrl: link }, { kill });
    const everyone = Promise.all(requests.map(({ request }) => stack.settled(request.id, 60_000)));
    const ended = await Promise.race([
      kill.killed.then(() => 'killed' as const),
      everyone.then(() => 'done' as const),
    ]);
    await doomed.close({ force: ended === 'killed' });
    if (round === 0) callsPerRound = kill.calls;
    if (ended === 'killed') {
      kills += 1;
      const fresh = await stack.startWorker({ ...WORKER, publicFileUrl: link });
      await everyone;
      await fresh.close();
    }
    const where = `seed ${seed}, round ${round}, killed after ${kill.log.at(-1)} (call ${afterCalls})`;
    for (const { userId, request, outcome } of requests)
      await assertExactlyOnce(userId, request, outcome, where);
  }
  t.diagnostic(`seed ${seed}: ${kills} of 11 rounds killed, ${callsPerRound} outside calls in a round`);
  assert.ok(callsPerRound > 20, `a round makes ${callsPerRound} outside calls`);
  assert.ok(kills >= 8, `most rounds were killed mid-way (${kills} of 11, seed ${seed})`);
});
