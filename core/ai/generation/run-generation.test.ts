import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { ProviderError } from '#core/ai/providers/provider-error.ts';
import type { TBinaryOutput, TGenerationState } from '#core/ai/providers/provider-types.ts';
import type { AiRequest } from '#core/db/generated/client.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { saveFile } from '#core/files/save-file.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { createLogger } from '#core/logging/logger.ts';
import { renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { acceptGeneration } from './accept-generation.ts';
import { storeCachedResult } from './generation-cache.ts';
import type { TGenerationDelivery } from './generation-delivery.ts';
import { AI_QUEUE, type TAiJob } from './generation-job.ts';
import { runGeneration } from './run-generation.ts';

// The generation engine against a provider that answers whatever a test tells it to: what it does with an
// answer that is not what was asked for, and with each kind of provider failure.

let database: TestDatabase;
let redis: TestRedis;
let queue: Queue<TAiJob>;
let root: string;
let store: TFileStore;
let mp4: Buffer;
let nextId = 7_600_000_000 + (process.pid % 1000) * 1000;
const logger = createLogger({ level: 'silent', name: 'run-generation-test' });
const PNG = renderPromptImage('not a video', 32, 32);

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  await syncModelCatalog(database.db);
  root = await mkdtemp(join(tmpdir(), 'polygram-run-generation-'));
  store = createLocalFileStore(root);
  mp4 = await readFile(new URL('../../../sandbox/openai/fixtures/sample-video.mp4', import.meta.url));
});
after(async () => {
  await queue.close();
  await database.drop();
  await redis.cleanup();
  await rm(root, { recursive: true, force: true });
});

/** A provider stand-in in process: `answer` is what the submission (or its poll) comes back with. */
type TAnswer = { sync: TBinaryOutput } | { poll: TGenerationState } | { submitThrows: ProviderError };

function fakeGateway(answer: TAnswer) {
  const calls = { submit: 0, poll: 0 };
  const refuse = () => {
    throw new Error('not part of a generation');
  };
  const ai: TAiGateway = {
    serves: () => true,
    async submit() {
      calls.submit++;
      if ('submitThrows' in answer) throw answer.submitThrows;
      if ('sync' in answer) return { provider: 'fake', jobId: 'sync-1', output: [answer.sync] };
      return { provider: 'fake', jobId: 'job-1' };
    },
    async poll() {
      calls.poll++;
      if (!('poll' in answer)) throw new Error('nothing to poll');
      return answer.poll;
    },
    async cancel() {},
    streamChat: refuse,
    transcribe: refuse,
    speak: refuse,
  };
  return { ai, calls };
}

/** What the chat would have received: every result sent, every failure told. */
function recordingDelivery() {
  const sent = { results: [] as string[], failures: [] as AiRequest[] };
  let messageId = 100;
  const delivery: TGenerationDelivery = {
    progress: async () => {},
    resultParts: () => 1,
    async sendResult(_request, result) {
      sent.results.push(result.file.mimeType);
      return { messageId: messageId++ };
    },
    sendResultNote: async () => ({ messageId: messageId++ }),
    showOutcome: async () => {},
    async sendFailure(request) {
      sent.failures.push(request);
      return { messageId: messageId++ };
    },
  };
  return { delivery, sent };
}

async function newUser(tokens: bigint): Promise<bigint> {
  const id = BigInt(nextId++);
  await touchUser(database.db, { id, firstName: `U${id}` });
  await database.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `run-generation-test:${id}`,
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

let promptSeq = 0;
/** Accepted as the bot accepts it (a chat to tell), then run as the worker runs it, to the end. */
async function generate(userId: bigint, modelId: string, answer: TAnswer, prompt = `take ${++promptSeq}`) {
  const { ai, calls } = fakeGateway(answer);
  const { delivery, sent } = recordingDelivery();
  const { request } = await acceptGeneration(
    { db: database.db, ai, queue },
    {
      userId,
      modelId,
      source: 'bot',
      prompt,
      language: 'en',
      telegram: { chatId: userId, statusMessageId: 1 },
    },
  );
  const outcome = await runGeneration({ db: database.db, ai, store, delivery, logger }, request.id);
  const row = await database.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
  return { outcome, row, sent, calls, accepted: request };
}

const tokensOf = async (userId: bigint) => {
  const wallet = await getWallet(database.db, userId);
  return { available: wallet.tokens.available, held: wallet.tokens.held };
};
const filesOf = (userId: bigint) => database.db.storedFile.count({ where: { userId } });

test('a picture for a video request is the provider’s failure: not kept, not delivered, not charged', async () => {
  const userId = await newUser(100_000n);
  const { outcome, row, sent, calls } = await generate(userId, 'kling', {
    poll: { state: 'succeeded', output: [{ bytes: PNG, mimeType: 'image/png' }] },
  });
  assert.equal(calls.poll, 1, 'the job was polled to its end');
  assert.deepEqual(outcome, { kind: 'done', status: 'failed' });
  assert.deepEqual(
    [row.status, row.errorCode, row.errorMessage, row.charged, row.resultFileId],
    ['failed', 'provider_failed', 'unexpected output: asked video, got image/png', 0n, null],
  );
  assert.deepEqual(await tokensOf(userId), { available: 100_000n, held: 0n });
  const hold = await database.db.hold.findUniqueOrThrow({ where: { key: row.holdKey ?? '' } });
  assert.equal(hold.status, 'released');
  assert.equal(await filesOf(userId), 0, 'the picture was not stored');
  assert.deepEqual(sent.results, [], 'nothing was delivered');
  assert.equal(sent.failures.length, 1, 'the user was told it failed');
  assert.equal(await database.db.aiCacheEntry.count({ where: { key: row.cacheKey ?? '' } }), 0);
});

test('the same for a synchronous answer: a picture for music', async () => {
  const userId = await newUser(100_000n);
  const music = await generate(userId, 'suno', { sync: { bytes: PNG, mimeType: 'audio/mpeg' } });
  assert.deepEqual(
    [music.row.status, music.row.errorCode, music.row.errorMessage],
    ['failed', 'provider_failed', 'unexpected output: asked audio, got image/png'],
  );
  assert.deepEqual(music.sent.results, []);
  assert.deepEqual(await tokensOf(userId), { available: 100_000n, held: 0n });
  assert.equal(await filesOf(userId), 0);
});

test('the kind asked for is stored and delivered under the type its bytes bear out, and charged', async () => {
  const userId = await newUser(100_000n);
  // The provider mislabels a real film as a picture: the bytes decide, the film is what the user gets.
  const { outcome, row, sent } = await generate(userId, 'kling', {
    poll: { state: 'succeeded', output: [{ bytes: mp4, mimeType: 'image/png' }] },
  });
  assert.deepEqual(outcome, { kind: 'done', status: 'succeeded' });
  assert.equal(row.charged, 38_000n);
  assert.deepEqual(sent.results, ['video/mp4']);
  assert.deepEqual(await tokensOf(userId), { available: 62_000n, held: 0n });
});

test('provider failures: only a content refusal the provider stated is told as one', async () => {
  const userId = await newUser(100_000n);
  const cases: [string, TAnswer, string, string][] = [
    [
      'a bad request',
      { submitThrows: new ProviderError('rejected', 'HTTP 400: Invalid value for size') },
      'provider_failed',
      'rejected: HTTP 400: Invalid value for size',
    ],
    [
      'an unknown model',
      { submitThrows: new ProviderError('rejected', 'The model `x` does not exist') },
      'provider_failed',
      'rejected: The model `x` does not exist',
    ],
    [
      'the safety system',
      { submitThrows: new ProviderError('content_refused', 'rejected by our safety system') },
      'content_refused',
      'rejected by our safety system',
    ],
    [
      'a job the model crashed on',
      { poll: { state: 'failed', reason: 'CUDA out of memory', contentRefused: false } },
      'provider_failed',
      'CUDA out of memory',
    ],
    [
      'a job its checker stopped',
      { poll: { state: 'failed', reason: 'NSFW content detected', contentRefused: true } },
      'content_refused',
      'NSFW content detected',
    ],
  ];
  for (const [what, answer, code, message] of cases) {
    const { outcome, row, calls } = await generate(userId, 'recraft', answer);
    assert.deepEqual(outcome, { kind: 'done', status: 'failed' }, what);
    assert.deepEqual([row.errorCode, row.errorMessage], [code, message], what);
    assert.equal(calls.submit, 1, `${what}: submitted once, not retried`);
  }
  assert.deepEqual(await tokensOf(userId), { available: 100_000n, held: 0n });
});

test('a cached result of the wrong kind is not served: the provider is asked instead', async () => {
  const userId = await newUser(100_000n);
  const prompt = 'waves at dusk, cached wrongly';
  // A result cached before outputs were checked: a picture under a video request's key.
  const first = await generate(
    userId,
    'kling',
    { submitThrows: new ProviderError('unavailable', 'x') },
    prompt,
  );
  const picture = await saveFile(
    { db: database.db, store },
    { userId, kind: 'image', name: 'old.png', mimeType: 'image/png', data: PNG },
  );
  await storeCachedResult(database.db, {
    key: first.row.cacheKey ?? '',
    modelId: 'kling',
    resultFileId: picture.id,
  });
  const again = await generate(
    userId,
    'kling',
    { poll: { state: 'succeeded', output: [{ bytes: mp4, mimeType: 'video/mp4' }] } },
    prompt,
  );
  assert.equal(again.accepted.cacheHit, true, 'accepted as a cache hit');
  assert.equal(again.calls.submit, 1, 'but the provider made the video');
  assert.deepEqual(again.sent.results, ['video/mp4']);
  assert.equal(again.row.cacheHit, false);
});
