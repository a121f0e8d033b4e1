import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aiJobId } from '#core/ai/generation/generation-job.ts';
import { recoverLostGenerations } from '#core/ai/generation/recover-lost-generations.ts';
import { runGeneration } from '#core/ai/generation/run-generation.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest } from '#core/db/generated/client.ts';
import { saveFile } from '#core/files/save-file.ts';
import { reserve } from '#core/ledger/holds.ts';
import { createLogger } from '#core/logging/logger.ts';
import { renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { PREDICTION_TOKEN, startAiTestStack, type TAiTestStack } from '#tests/support/ai-test-stack.ts';
import { silentDelivery } from '#tests/support/silent-delivery.ts';
import type { TRunningJob } from '#workers/runtime/start-job.ts';

const TOKEN = '7000021:ai-worker-test-token-abcdefgh';
let stack: TAiTestStack;
let worker: TRunningJob;
// Short locks: a killed worker's job is taken over within two seconds instead of thirty.
const WORKER = { lockDurationMs: 1_500, stalledIntervalMs: 500 };

before(async () => {
  stack = await startAiTestStack({ botToken: TOKEN, predictionDelayMs: 300 });
  worker = await stack.startWorker(WORKER);
});
after(() => stack?.close());

const price = (modelId: string) => findCatalogModel(modelId)?.tokenPrice ?? 0n;
const chat = (userId: bigint) => stack.telegram.messages({ token: TOKEN, chatId: Number(userId) });
const botMessages = async (userId: bigint) => (await chat(userId)).filter((m) => m.sender === 'bot');
const submissions = () =>
  stack.predictions.control.requests().filter((r) => r.method === 'POST' && r.predictionId !== undefined)
    .length;
const captures = (requestId: bigint) =>
  stack.db.ledgerTransaction.count({ where: { idempotencyKey: `hold:ai:${requestId}:capture` } });

test('an image is generated, stored, delivered as a photo and charged once; the same request again comes from the cache', async () => {
  const userId = await stack.newUser(100_000n);
  const imageCalls = () => stack.openai.control.requests().filter((r) => r.path === '/v1/images/generations');
  const before = imageCalls().length;
  const first = await stack.accept(userId, { modelId: 'dall-e-3', prompt: 'a red fox in the snow' });
  const done = await stack.settled(first.id);
  assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
  assert.equal(done.charged, price('dall-e-3'));
  assert.equal(imageCalls().length, before + 1);
  const photo = (await botMessages(userId)).find((m) => m.media?.kind === 'photo');
  assert.ok(photo, 'a photo arrived');
  assert.match(photo.caption ?? '', /DALL·E 3: a red fox in the snow/);
  const status = await waitFor(async () =>
    (await botMessages(userId)).find(
      (m) => m.message_id === first.statusMessageId && /done/.test(m.text ?? ''),
    ),
  );
  assert.equal(status.text, '✅ DALL·E 3: done. Charged: 8,000 tokens.');
  assert.deepEqual(await stack.tokens(userId), { balance: 100_000n - price('dall-e-3'), held: 0n });
  const file = await stack.db.storedFile.findUniqueOrThrow({ where: { id: done.resultFileId ?? '' } });
  assert.equal(file.userId, userId);
  assert.equal(file.kind, 'image');

  // Same model, prompt and (defaulted) size: served from the cache, no provider call, charged like any other.
  const second = await stack.accept(userId, {
    modelId: 'dall-e-3',
    prompt: 'a red fox in the snow',
    params: { size: '1024x1024' },
  });
  assert.equal(second.cacheHit, true);
  const cached = await stack.settled(second.id);
  assert.equal(cached.status, 'succeeded');
  assert.equal(imageCalls().length, before + 1, 'the provider was not called again');
  assert.equal(cached.charged, price('dall-e-3'));
  assert.notEqual(cached.resultFileId, done.resultFileId, 'the user gets a copy of their own');
  const entry = await stack.db.aiCacheEntry.findUniqueOrThrow({ where: { key: first.cacheKey ?? '' } });
  assert.equal(entry.hits, 1);
  assert.equal((await botMessages(userId)).filter((m) => m.media?.kind === 'photo').length, 2);
  assert.deepEqual(await stack.tokens(userId), { balance: 100_000n - 2n * price('dall-e-3'), held: 0n });

  // A job run again for a finished request does nothing: no second delivery (the silent delivery throws if
  // asked to send), no second charge.
  const again = await runGeneration(
    { db: stack.db, ai: stack.ai, store: stack.store, delivery: silentDelivery, logger: silentLogger() },
    first.id,
  );
  assert.deepEqual(again, { kind: 'done', status: 'skipped' });
  assert.equal(await captures(first.id), 1);
});

test('a provider failure releases the tokens, fails the request and tells the user nothing was charged', async () => {
  const userId = await stack.newUser(20_000n);
  stack.predictions.control.setModel('stability-ai/stable-diffusion-3.5-large', {
    failureRate: 1,
    delayMs: 100,
  });
  const request = await stack.accept(userId, { modelId: 'stable-diffusion', prompt: 'a castle on a cliff' });
  const done = await stack.settled(request.id);
  assert.equal(done.status, 'failed');
  assert.equal(done.errorCode, 'provider_failed');
  assert.equal(done.charged, 0n);
  assert.deepEqual(await stack.tokens(userId), { balance: 20_000n, held: 0n });
  const hold = await stack.db.hold.findUniqueOrThrow({ where: { key: request.holdKey ?? '' } });
  assert.equal(hold.status, 'released');
  const told = await waitFor(async () =>
    (await botMessages(userId)).find((m) => /Nothing was charged/.test(m.text ?? '')),
  );
  assert.match(told.text ?? '', /Stable Diffusion could not produce a result/);
  const job = await waitFor(async () => {
    const j = await stack.queue.getJob(`ai-${request.id}`);
    return (await j?.isFailed()) ? j : undefined;
  });
  assert.equal(job.attemptsStarted, 1, 'a failed generation is not retried');
});

test('a request the provider rejects as sent fails at once as the model’s failure, never as the user’s content', async () => {
  const userId = await stack.newUser(20_000n);
  stack.openai.control.failNext({ status: 400, path: '/v1/images/generations' });
  const request = await stack.accept(userId, { modelId: 'dall-e-3', prompt: 'a harmless teapot' });
  const done = await stack.settled(request.id);
  assert.equal(done.errorCode, 'provider_failed');
  assert.match(done.errorMessage ?? '', /^rejected: /);
  assert.deepEqual(await stack.tokens(userId), { balance: 20_000n, held: 0n });
  const told = await waitFor(async () =>
    (await botMessages(userId)).find((m) => /Nothing was charged/.test(m.text ?? '')),
  );
  assert.match(told.text ?? '', /DALL·E 3 could not produce a result/);
  assert.doesNotMatch(told.text ?? '', /content rules/);
  const job = await waitFor(async () => {
    const j = await stack.queue.getJob(`ai-${request.id}`);
    return (await j?.isFailed()) ? j : undefined;
  });
  assert.equal(job.attemptsStarted, 1, 'no retry');
});

test('a job the provider failed for its content is told as a content refusal, nothing charged', async () => {
  const userId = await stack.newUser(20_000n);
  stack.predictions.control.setModel('recraft-ai/recraft-v3', { delayMs: 10_000 });
  try {
    const request = await stack.accept(userId, { modelId: 'recraft', prompt: 'something the checker flags' });
    const running = await waitFor(async () => {
      const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      return row.providerJobId ?? undefined;
    });
    stack.predictions.control.finish(running.slice(running.indexOf(':') + 1), {
      error: 'NSFW content detected. Try running it again, or try a different prompt.',
    });
    const done = await stack.settled(request.id);
    assert.equal(done.errorCode, 'content_refused');
    assert.deepEqual(await stack.tokens(userId), { balance: 20_000n, held: 0n });
    const told = await waitFor(async () =>
      (await botMessages(userId)).find((m) => /Nothing was charged/.test(m.text ?? '')),
    );
    assert.match(told.text ?? '', /Recraft refused this request under its content rules/);
  } finally {
    stack.predictions.control.setModel('recraft-ai/recraft-v3', { delayMs: 300 });
  }
});

test('a rate-limited submission waits and goes through later, charged once', async () => {
  const userId = await stack.newUser(20_000n);
  stack.predictions.control.rateLimitToken(PREDICTION_TOKEN, 1, { retryAfterMs: 300 });
  const request = await stack.accept(userId, { modelId: 'recraft', prompt: 'a logo of a paper plane' });
  const done = await stack.settled(request.id);
  assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
  const creates = stack.predictions.control
    .requests()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/predictions'));
  assert.ok(
    creates.some((r) => r.status === 429),
    'the stand-in did refuse once',
  );
  assert.equal(await captures(request.id), 1);
  assert.deepEqual(await stack.tokens(userId), { balance: 20_000n - price('recraft'), held: 0n });
});

test('a worker killed while polling: a new worker resumes the same provider job, one submission, one charge', async () => {
  const userId = await stack.newUser(100_000n);
  stack.predictions.control.setModel('kwaivgi/kling-v2.1', { kind: 'video', delayMs: 4_000 });
  const createsBefore = stack.predictions.control
    .requests()
    .filter((r) => r.method === 'POST' && r.predictionId !== undefined).length;
  const request = await stack.accept(userId, {
    modelId: 'kling',
    prompt: 'a paper boat on a rainy street',
    params: { seconds: 5, aspect: '9:16' },
  });
  await waitFor(async () => {
    const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    return row.providerJobId ? row : undefined;
  });
  await new Promise((r) => setTimeout(r, 600)); // well inside the polling loop
  await worker.close({ force: true });
  assert.equal(
    (await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    'running',
    'the killed worker left the request in flight',
  );
  worker = await stack.startWorker(WORKER);
  const done = await stack.settled(request.id, 30_000);
  assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
  const creates = stack.predictions.control
    .requests()
    .filter((r) => r.method === 'POST' && r.predictionId !== undefined);
  assert.equal(creates.length - createsBefore, 1, 'submitted once');
  assert.equal(await captures(request.id), 1, 'charged once');
  assert.deepEqual(await stack.tokens(userId), { balance: 100_000n - price('kling'), held: 0n });
  const videos = (await botMessages(userId)).filter((m) => m.media?.kind === 'video');
  assert.equal(videos.length, 1);
  const job = await stack.queue.getJob(`ai-${request.id}`);
  assert.equal(job?.stalledCounter, 1, 'the new worker took the job over from the dead one');
});

test('a graceful stop (SIGTERM) hands a polling job back at once; the next worker finishes it', async () => {
  const userId = await stack.newUser(100_000n);
  stack.predictions.control.setModel('luma/ray-2-720p', { kind: 'video', delayMs: 3_000 });
  const createsBefore = submissions();
  const request = await stack.accept(userId, { modelId: 'luma', prompt: 'waves at night' });
  await waitFor(async () => {
    const row = await stack.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    return row.providerJobId ? row : undefined;
  });
  const stopping = Date.now();
  await worker.close();
  assert.ok(Date.now() - stopping < 2_000, 'close did not wait for the provider');
  const job = await stack.queue.getJob(`ai-${request.id}`);
  assert.equal(await job?.getState(), 'delayed', 'handed back, not failed');
  worker = await stack.startWorker(WORKER);
  const done = await stack.settled(request.id);
  assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
  assert.equal(submissions() - createsBefore, 1, 'resumed, not submitted again');
  assert.equal(await captures(request.id), 1);
});

test('photo tools, music and speech arrive as the right kind of message; a vector as an SVG document', async () => {
  const userId = await stack.newUser(100_000n);
  const photo = await saveFile(
    { db: stack.db, store: stack.store },
    {
      userId,
      kind: 'image',
      name: 'cat.png',
      mimeType: 'image/png',
      data: renderPromptImage('a cat', 320, 240),
    },
  );
  const requests = [
    await stack.accept(userId, { modelId: 'vectorize', prompt: '', inputFileIds: [photo.id] }),
    await stack.accept(userId, {
      modelId: 'replace-background',
      prompt: 'a beach',
      inputFileIds: [photo.id],
    }),
    await stack.accept(userId, { modelId: 'suno', prompt: 'a song about rain' }),
    await stack.accept(userId, { modelId: 'tts', prompt: 'Good morning!', params: { voice: 'nova' } }),
  ];
  for (const request of requests) {
    const done = await stack.settled(request.id);
    assert.equal(done.status, 'succeeded', `${request.modelId}: ${done.errorMessage}`);
  }
  // Each result answers its own status message.
  const messages = await botMessages(userId);
  const resultOf = (statusMessageId: number | null) =>
    messages.find((m) => m.media && m.reply_to_message_id === statusMessageId)?.media;
  assert.deepEqual(
    requests.map((r) => resultOf(r.statusMessageId)?.kind),
    ['document', 'photo', 'audio', 'audio'],
  );
  assert.match(resultOf(requests[0]?.statusMessageId ?? null)?.file_name ?? '', /^vectorize-\d+\.svg$/);
  const total = requests.reduce((sum, r) => sum + r.price, 0n);
  assert.deepEqual(await stack.tokens(userId), { balance: 100_000n - total, held: 0n });
});

test('a result too big for Telegram goes out as a signed download link instead of an upload, charged once', async () => {
  const userId = await stack.newUser(100_000n);
  // A second worker with a tiny upload limit: every picture is "too big". Stop the shared one so it takes no job.
  await worker.close();
  const linking = await stack.startWorker({
    ...WORKER,
    uploadLimitBytes: 1_000,
    publicFileUrl: (file) => `https://polygram.example/files/${file.id}?download=1&sig=test`,
  });
  try {
    const request = await stack.accept(userId, { modelId: 'dall-e-3', prompt: 'a lighthouse in a storm' });
    const done = await stack.settled(request.id);
    assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
    assert.equal(done.charged, price('dall-e-3'));
    const messages = await botMessages(userId);
    assert.equal(messages.filter((m) => m.media !== undefined).length, 0, 'nothing was uploaded');
    const link = messages.find((m) => /more than Telegram lets a bot send/.test(m.text ?? ''));
    assert.ok(link, 'the link message arrived');
    assert.match(link.text ?? '', /^DALL·E 3: a lighthouse in a storm/);
    const markup = link.reply_markup;
    const button = markup && 'inline_keyboard' in markup ? markup.inline_keyboard[0]?.[0] : undefined;
    assert.equal(
      button && 'url' in button ? button.url : undefined,
      `https://polygram.example/files/${done.resultFileId}?download=1&sig=test`,
    );
    assert.equal(await captures(request.id), 1);
  } finally {
    await linking.close();
    worker = await stack.startWorker(WORKER);
  }
});

test('a job lost from Redis is enqueued again and finishes once; one too old to finish, or a dead in-process request, is failed and released', async () => {
  const userId = await stack.newUser(100_000n);
  await worker.close(); // nothing picks the job up while it is "lost"
  let lost: { id: bigint } | undefined;
  let stale: AiRequest | undefined;
  try {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    lost = await stack.accept(userId, { modelId: 'dall-e-3', prompt: 'a lost job' });
    stale = await stack.accept(userId, { modelId: 'dall-e-3', prompt: 'a job from long ago' });
    for (const r of [lost, stale]) await stack.queue.remove(aiJobId(r.id));
    await stack.db.aiRequest.update({ where: { id: lost.id }, data: { createdAt: minutesAgo(10) } });
    await stack.db.aiRequest.update({ where: { id: stale.id }, data: { createdAt: minutesAgo(24 * 60) } });
    // A transcription whose app process died mid-call: its row says running, its hold waits.
    await reserve(stack.db, {
      key: 'ai:audio:dead-process',
      userId,
      asset: 'TOKEN',
      amount: 1_000n,
      reason: 'test',
      ttlMs: 3_600_000,
    });
    const dead = await stack.db.aiRequest.create({
      data: {
        userId,
        kind: 'audio',
        modelId: 'whisper',
        source: 'bot',
        status: 'running',
        price: 1_000n,
        holdKey: 'ai:audio:dead-process',
        createdAt: minutesAgo(30),
      },
    });
    assert.deepEqual(await stack.tokens(userId), {
      balance: 100_000n,
      held: 2n * price('dall-e-3') + 1_000n,
    });

    const recovered = await recoverLostGenerations({ db: stack.db, queue: stack.queue });
    assert.deepEqual(recovered.requeued, [lost.id]);
    assert.deepEqual(recovered.abandoned.sort(), [stale.id, dead.id].sort());
    assert.deepEqual(await recoverLostGenerations({ db: stack.db, queue: stack.queue }), {
      requeued: [],
      abandoned: [],
    });
    for (const id of [stale.id, dead.id])
      assert.equal((await stack.db.aiRequest.findUniqueOrThrow({ where: { id } })).status, 'failed');
  } finally {
    worker = await stack.startWorker(WORKER);
  }
  assert.ok(lost && stale);
  const done = await stack.settled(lost.id);
  assert.equal(done.status, 'succeeded', done.errorMessage ?? '');
  assert.equal(await captures(lost.id), 1);
  assert.deepEqual(await stack.tokens(userId), { balance: 100_000n - price('dall-e-3'), held: 0n });
  // The abandoned one got a job only to say so: its status message and one failure notice.
  const told = await stack.settled(stale.id);
  assert.equal(told.errorCode, 'lost');
  const chat = await stack.chat(userId, stale.statusMessageId);
  assert.equal(chat.status?.text, '❌ DALL·E 3: failed.');
  assert.equal(chat.failures.length, 1);
  assert.equal(chat.failures[0]?.reply_to_message_id, stale.statusMessageId);
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function silentLogger() {
  return createLogger({ level: 'silent', name: 'test' });
}
