import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GrammyError, HttpError, type Transformer } from 'grammy';
import { FAILURE_SLOT } from '#core/ai/generation/announce-outcome.ts';
import { RESULT_NOTE_SLOT, resultSlot } from '#core/ai/generation/deliver-result.ts';
import type { TRunDeps } from '#core/ai/generation/run-generation.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { StoredFile } from '#core/db/generated/client.ts';
import { startAiTestStack, type TAiTestStack, type TRunDepsOptions } from '#tests/support/ai-test-stack.ts';
import { createKillSwitch, type TKillSwitch } from '#tests/support/kill-switch.ts';

// The delivery record (core/ai/generation/deliver-result.ts, send-once.ts, announce-outcome.ts) through the
// real Telegram delivery and the local Bot API: a job's run is "killed" at a chosen point (the kill switch
// swallows every answer from then on, as a dead process never sees them) and a second run finishes it.

const TOKEN = '7000031:delivery-record-test-token-abcd';
const SD_UPSTREAM = 'stability-ai/stable-diffusion-3.5-large';
let stack: TAiTestStack;
let seq = 0;

before(async () => {
  stack = await startAiTestStack({ botToken: TOKEN, predictionDelayMs: 100 });
});
after(() => stack?.close());

const price = (modelId: string) => findCatalogModel(modelId)?.tokenPrice ?? 0n;
const link = (file: StoredFile) => `https://polygram.example/files/${file.id}?download=1&sig=test`;
const captures = (requestId: bigint) =>
  stack.db.ledgerTransaction.count({ where: { idempotencyKey: `hold:ai:${requestId}:capture` } });
const journal = (requestId: bigint) =>
  stack.db.aiRequestMessage.findMany({ where: { requestId }, orderBy: { claimedAt: 'asc' } });

const finish = (deps: TRunDeps, requestId: bigint, opts?: { attempts: number }) =>
  stack.runToEnd(deps, requestId, opts);

/** One run of the job in a process that dies at the switch's point; resolves once it is dead. */
async function crash(kill: TKillSwitch, requestId: bigint, options: TRunDepsOptions = {}) {
  const ended = await stack.runUntilKilled(kill, requestId, { publicFileUrl: link, ...options });
  assert.equal(ended, 'killed', `the run finished before its kill point: ${kill.log.join(' ')}`);
}

/** A kill right after the first call labelled `label` that follows one labelled `after`. */
const killAfter = (label: string, afterLabel?: string) => {
  let armed = afterLabel === undefined;
  return createKillSwitch({
    after: (call) => {
      if (armed && call === label) return true;
      if (call === afterLabel) armed = true;
      return false;
    },
  });
};

async function newRequest(modelId = 'dall-e-3') {
  const userId = await stack.newUser(50_000n);
  const request = await stack.accept(userId, { modelId, prompt: `a lighthouse at dawn, take ${++seq}` });
  return { userId, request };
}

async function assertDeliveredOnce(userId: bigint, request: { id: bigint; statusMessageId: number | null }) {
  const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
  assert.equal(row.status, 'succeeded', row.errorMessage ?? '');
  assert.ok(row.deliveredAt && row.notifiedAt, 'delivery and announcement recorded');
  assert.equal(await captures(request.id), 1, 'captured once');
  assert.deepEqual(await stack.tokens(userId), { balance: 50_000n - price(row.modelId), held: 0n });
  const chat = await stack.chat(userId, request.statusMessageId);
  assert.match(chat.status?.text ?? '', /done\. Charged: 8,000 tokens/, 'the status message says done');
  return chat;
}

test('a rerun after the delivery was recorded sends nothing more and captures once', async () => {
  // Right after the message id was stored; right after `delivered_at`; right after the capture committed.
  const points: [string, string | undefined][] = [
    ['db.aiRequestMessage.update', undefined],
    ['db.aiRequest.updateMany', 'db.aiRequestMessage.update'],
    ['db.$transaction', 'db.aiRequest.updateMany'],
  ];
  for (const [label, afterLabel] of points) {
    const { userId, request } = await newRequest();
    await crash(killAfter(label, afterLabel), request.id);
    const before = await stack.chat(userId, request.statusMessageId);
    assert.equal(before.results.length, 1, `${label}: the photo went out before the crash`);

    await finish(stack.runDeps({ publicFileUrl: link }), request.id);
    const chat = await assertDeliveredOnce(userId, request);
    assert.equal(chat.all.length, 1, `${label}: no second message of any kind`);
    assert.equal(chat.results[0]?.media?.kind, 'photo');
    const [slot] = await journal(request.id);
    assert.deepEqual([slot?.slot, slot?.messageId], [resultSlot(0), chat.results[0]?.message_id]);
  }
});

test('a rerun after a crash before the send sends the result once', async () => {
  // After the provider answered and before the result was stored; after it was read back for sending.
  for (const label of ['ai.submit', 'store.read']) {
    const { userId, request } = await newRequest();
    await crash(killAfter(label), request.id);
    assert.equal(
      (await stack.chat(userId, request.statusMessageId)).all.length,
      0,
      `${label}: nothing sent yet`,
    );
    await finish(stack.runDeps({ publicFileUrl: link }), request.id);
    const chat = await assertDeliveredOnce(userId, request);
    assert.equal(chat.results.length, 1, label);
    assert.equal(chat.notes.length, 0, label);
  }
});

test('a crash between Telegram’s answer and our write: the rerun never sends the picture again, it sends one note with the link', async () => {
  const { userId, request } = await newRequest();
  await crash(killAfter('telegram.sendPhoto'), request.id);
  await finish(stack.runDeps({ publicFileUrl: link }), request.id);
  // And a third run finds everything done.
  assert.deepEqual(await finish(stack.runDeps({ publicFileUrl: link }), request.id), {
    kind: 'done',
    status: 'skipped',
  });

  const chat = await assertDeliveredOnce(userId, request);
  assert.equal(chat.results.length, 1, 'one picture');
  assert.equal(chat.notes.length, 1, 'one note');
  const note = chat.notes[0];
  assert.match(note?.text ?? '', /^⚠️ Sending your DALL·E 3 result was interrupted/);
  const markup = note?.reply_markup;
  const button = markup && 'inline_keyboard' in markup ? markup.inline_keyboard[0]?.[0] : undefined;
  const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
  assert.equal(
    button && 'url' in button ? button.url : undefined,
    link({ id: row.resultFileId } as StoredFile),
  );
  assert.equal(note?.reply_to_message_id, request.statusMessageId, 'under its own request');
  const slots = await journal(request.id);
  assert.deepEqual(
    slots.map((s) => [s.slot, s.messageId]),
    [
      [resultSlot(0), null],
      [RESULT_NOTE_SLOT, note?.message_id],
    ],
  );
});

test('a crash after claiming the send but before it started: the note is what reaches the user, pointing to the gallery without a public address', async () => {
  const { userId, request } = await newRequest();
  await crash(killAfter('db.aiRequestMessage.createMany'), request.id);
  await finish(stack.runDeps({}), request.id);
  const chat = await assertDeliveredOnce(userId, request);
  assert.equal(chat.results.length, 0, 'the picture never went out, and is not sent blindly now');
  assert.equal(chat.notes.length, 1);
  assert.match(chat.notes[0]?.text ?? '', /you will find it in the gallery in the app/);
});

test('a send Telegram refuses frees its slot: the next run sends the result, once', async () => {
  const { userId, request } = await newRequest();
  let refusals = 0;
  // The photo and its fallback as a document both refused (a 400 means Telegram took nothing).
  const refuseTwice: Transformer = (prev, method, payload, signal) => {
    if (method.startsWith('send') && refusals < 2) {
      refusals += 1;
      return Promise.resolve({ ok: false, error_code: 400, description: 'Bad Request: test refusal' });
    }
    return prev(method, payload, signal);
  };
  await assert.rejects(
    finish(stack.runDeps({ telegram: refuseTwice }), request.id, { attempts: 1 }),
    (error: unknown) => {
      assert.equal((error as Error).name, 'MessageNotSent');
      assert.ok((error as Error).cause instanceof GrammyError);
      return true;
    },
  );
  assert.deepEqual(await journal(request.id), [], 'the claim was released');
  await finish(stack.runDeps({ publicFileUrl: link }), request.id);
  const chat = await assertDeliveredOnce(userId, request);
  assert.deepEqual([chat.results.length, chat.notes.length], [1, 0]);
});

test('a connection that breaks after Telegram took the photo: a retry through the worker sends a note, not a second photo', async () => {
  const { userId, request } = await newRequest();
  let broken = false;
  const breakOnce: Transformer = async (prev, method, payload, signal) => {
    const answer = await prev(method, payload, signal);
    if (method === 'sendPhoto' && !broken) {
      broken = true;
      throw new HttpError(
        'Network request for sendPhoto failed!',
        Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      );
    }
    return answer;
  };
  // Through the worker: its auto-retry must not repeat the send on its own (it would, by default).
  const api = stack.api();
  api.config.use(breakOnce);
  const worker = await stack.startWorker({ api, publicFileUrl: link });
  try {
    const done = await stack.settled(request.id, 60_000);
    assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
    const job = await stack.queue.getJob(`ai-${request.id}`);
    assert.equal(job?.attemptsStarted, 2, 'the broken send failed one attempt, the next one finished');
  } finally {
    await worker.close();
  }
  const chat = await assertDeliveredOnce(userId, request);
  assert.deepEqual([chat.results.length, chat.notes.length], [1, 1]);
});

test('a failure is released once and told once, whatever run dies', async () => {
  stack.predictions.control.setModel(SD_UPSTREAM, { failureRate: 1, delayMs: 50 });
  try {
    // Right after the row became failed (nothing told yet); right after the failure message went out.
    for (const [label, afterLabel] of [
      ['db.aiRequest.updateMany', undefined],
      ['telegram.sendMessage', 'telegram.editMessageText'],
    ] as const) {
      const { userId, request } = await newRequest('stable-diffusion');
      await crash(killAfter(label, afterLabel), request.id);
      await finish(stack.runDeps({ publicFileUrl: link }), request.id);
      await finish(stack.runDeps({ publicFileUrl: link }), request.id);

      const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      assert.deepEqual([row.status, row.errorCode, row.charged], ['failed', 'provider_failed', 0n], label);
      assert.ok(row.notifiedAt, label);
      assert.equal(await captures(request.id), 0, label);
      const hold = await stack.db.hold.findUniqueOrThrow({ where: { key: row.holdKey ?? '' } });
      assert.equal(hold.status, 'released', label);
      assert.deepEqual(await stack.tokens(userId), { balance: 50_000n, held: 0n }, label);
      const chat = await stack.chat(userId, request.statusMessageId);
      assert.equal(chat.status?.text, '❌ Stable Diffusion: failed.', label);
      assert.equal(chat.failures.length, 1, `${label}: told once`);
      assert.equal(chat.all.length, 1, label);
      const [slot] = await journal(request.id);
      assert.equal(slot?.slot, FAILURE_SLOT, label);
    }
  } finally {
    stack.predictions.control.setModel(SD_UPSTREAM, { failureRate: 0, delayMs: 100 });
  }
});
