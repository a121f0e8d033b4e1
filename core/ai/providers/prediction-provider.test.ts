import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { encodePng } from '#sandbox/openai/png-encoder.ts';
import { startPredictionStandIn, type TPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import type { TAiGateway } from './ai-gateway.ts';
import { createAiGateway } from './create-ai-gateway.ts';
import { createKeyPool } from './key-pool.ts';
import { createPredictionProvider, progressFromLogs } from './prediction-provider.ts';
import { aiConfigOf } from './provider-config.ts';
import { isProviderError } from './provider-error.ts';
import { decodeJobHandle } from './provider-job-handle.ts';
import type { TGenerationState } from './provider-types.ts';

const TOKEN_1 = 'r8_first_token_111111111111';
const TOKEN_2 = 'r8_second_token_22222222222';

let standIn: TPredictionStandIn;
let redis: TestRedis;
let ai: TAiGateway;

before(async () => {
  standIn = await startPredictionStandIn({ tokens: [TOKEN_1, TOKEN_2], defaults: { delayMs: 300 } });
  redis = await createTestRedis();
  ai = createAiGateway({
    config: aiConfigOf({
      AI_PROVIDERS: {
        replicate: {
          type: 'prediction',
          baseUrl: `${standIn.url}/v1`,
          keys: [TOKEN_1, TOKEN_2],
          timeoutMs: 10_000,
        },
      },
      AI_ROUTES: {},
    }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
  });
});
after(async () => {
  await standIn.close();
  await redis.cleanup();
});

async function settle(
  provider: string,
  jobId: string,
): Promise<{ end: TGenerationState; seen: TGenerationState[] }> {
  const seen: TGenerationState[] = [];
  for (let i = 0; i < 200; i++) {
    const state = await ai.poll(provider, jobId);
    seen.push(state);
    if (state.state !== 'pending') return { end: state, seen };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the prediction did not settle');
}

test('a prediction is created, polled while it runs, and its output downloaded', async () => {
  const job = await ai.submit('stable-diffusion', {
    prompt: 'a lighthouse',
    params: { aspect_ratio: '1:1', width: 64, height: 64 },
  });
  assert.equal(job.provider, 'replicate');
  assert.equal(job.output, undefined);
  const { end, seen } = await settle(job.provider, job.jobId);
  assert.equal(seen[0]?.state, 'pending');
  assert.equal(end.state, 'succeeded');
  const [image] = end.state === 'succeeded' ? end.output : [];
  assert.equal(image?.mimeType, 'image/png');
  assert.equal(image?.bytes.subarray(1, 4).toString(), 'PNG');
  const created = standIn.control.predictions().find((p) => `${p.id}` === job.jobId.split(':')[1]);
  assert.equal(created?.model, 'stability-ai/stable-diffusion-3.5-large');
  assert.deepEqual(created?.input, { aspect_ratio: '1:1', width: 64, height: 64, prompt: 'a lighthouse' });
});

test('a tool gets its input image as a data URL and returns the picture; vectorize returns SVG', async () => {
  // A whole picture: the stand-in's tools decode their input as the real models do.
  const png = encodePng(2, 2, Buffer.alloc(2 * 2 * 3, 128));
  const job = await ai.submit('upscale', {
    prompt: '',
    params: { scale: 2 },
    inputs: [{ bytes: png, mimeType: 'image/png', name: 'photo.png' }],
  });
  const prediction = standIn.control.predictions().find((p) => `${p.id}` === job.jobId.split(':')[1]);
  const input = prediction?.input as Record<string, unknown>;
  assert.equal(input.image, `data:image/png;base64,${png.toString('base64')}`);
  assert.equal(input.scale, 2);
  assert.equal('prompt' in input, false);
  assert.equal((await settle(job.provider, job.jobId)).end.state, 'succeeded');

  const svg = await ai.submit('vectorize', {
    prompt: '',
    params: {},
    inputs: [{ bytes: png, mimeType: 'image/png', name: 'logo.png' }],
  });
  const { end } = await settle(svg.provider, svg.jobId);
  assert.equal(end.state === 'succeeded' ? end.output[0]?.mimeType : end.state, 'image/svg+xml');
});

test('a failed prediction is a failed state with the reason; a canceled one too', async () => {
  standIn.control.setModel('recraft-ai/recraft-v3', { failureRate: 1, delayMs: 50 });
  const job = await ai.submit('recraft', { prompt: 'bad luck', params: {} });
  const { end } = await settle(job.provider, job.jobId);
  assert.equal(end.state, 'failed');
  assert.ok(end.state === 'failed' && end.reason.length > 0);
  assert.ok(end.state === 'failed' && !end.contentRefused, 'a model that crashed refused nothing');

  standIn.control.setModel('kwaivgi/kling-v2.1', { kind: 'video', delayMs: 10_000 });
  const long = await ai.submit('kling', { prompt: 'slow', params: { duration: 5 } });
  await ai.cancel(long.provider, long.jobId);
  const canceled = await ai.poll(long.provider, long.jobId);
  assert.deepEqual(canceled, { state: 'failed', reason: 'canceled', contentRefused: false });
});

test('a prediction its model failed for the content says so; other failures do not', async () => {
  standIn.control.setModel('stability-ai/stable-diffusion-3.5-large', { delayMs: 10_000 });
  const endedWith = async (error: string) => {
    const job = await ai.submit('stable-diffusion', { prompt: 'something', params: {} });
    standIn.control.finish(decodeJobHandle(job.jobId).upstreamId, { error });
    return (await settle(job.provider, job.jobId)).end;
  };
  // As models on Replicate word it: Stable Diffusion's checker, Google's models, MiniMax.
  for (const error of [
    'NSFW content detected. Try running it again, or try a different prompt.',
    'The input or output was flagged as sensitive. Please try again with different inputs. (E005)',
    'The input content may contain sensitive information, please modify it.',
  ]) {
    const end = await endedWith(error);
    assert.deepEqual(end, { state: 'failed', reason: error, contentRefused: true }, error);
  }
  for (const error of ['CUDA out of memory', "Invalid input: 'width' is case-sensitive"]) {
    const end = await endedWith(error);
    assert.deepEqual(end, { state: 'failed', reason: error, contentRefused: false }, error);
  }
  standIn.control.setModel('stability-ai/stable-diffusion-3.5-large', { delayMs: 300 });
});

test('a rate-limited token: the job goes to the next token and is polled with it; all resting → retry time', async () => {
  const own = await createTestRedis();
  const gateway = createAiGateway({
    config: aiConfigOf({
      AI_PROVIDERS: {
        replicate: {
          type: 'prediction',
          baseUrl: `${standIn.url}/v1`,
          keys: [TOKEN_1, TOKEN_2],
          timeoutMs: 10_000,
        },
      },
      AI_ROUTES: {},
    }),
    redis: own.redis,
    redisPrefix: own.prefix,
  });
  try {
    standIn.control.rateLimitToken(TOKEN_1, 1, { retryAfterMs: 20_000 });
    const start = standIn.control.requests().length;
    const job = await gateway.submit('luma', { prompt: 'x', params: {} });
    const since = () => standIn.control.requests().slice(start);
    assert.deepEqual(
      since().map((r) => [r.token, r.status]),
      [
        [TOKEN_1, 429],
        [TOKEN_2, 201],
      ],
    );
    const pool = createKeyPool({ redis: own.redis, prefix: own.prefix });
    assert.ok((await pool.restLeft('replicate', TOKEN_1)) > 15_000);
    for (;;) {
      const state = await gateway.poll(job.provider, job.jobId);
      if (state.state !== 'pending') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const polls = since().filter((r) => r.method === 'GET');
    assert.ok(polls.length > 0 && polls.every((r) => r.token === TOKEN_2));

    // Token 1 still rests; token 2 is now limited too: nothing is created, the answer says when to retry.
    standIn.control.rateLimitToken(TOKEN_2, 1, { retryAfterMs: 30_000 });
    const before = standIn.control.requests().length;
    await assert.rejects(gateway.submit('luma', { prompt: 'y', params: {} }), (error) => {
      assert.ok(isProviderError(error) && error.failure === 'rate_limited');
      const wait = error.retryAfterMs ?? 0;
      assert.ok(wait > 15_000 && wait <= 20_000, `the soonest free token, ${wait} ms`);
      return true;
    });
    assert.deepEqual(
      standIn.control
        .requests()
        .slice(before)
        .map((r) => [r.token, r.status]),
      [[TOKEN_2, 429]],
    );
  } finally {
    await own.cleanup();
  }
});

test('HTTP failures map to provider failures; the token never appears in a message', async () => {
  const provider = createPredictionProvider({
    baseUrl: `${standIn.url}/v1`,
    token: TOKEN_1,
    timeoutMs: 5_000,
  });
  standIn.control.failNext({ status: 502 });
  await assert.rejects(
    provider.submit({ model: 'a/b', prompt: 'x', params: {} }),
    (e) => isProviderError(e) && e.failure === 'unavailable',
  );
  const stranger = createPredictionProvider({
    baseUrl: `${standIn.url}/v1`,
    token: 'r8_not_a_token_xyz',
    timeoutMs: 5_000,
  });
  await assert.rejects(stranger.submit({ model: 'a/b', prompt: 'x', params: {} }), (e) => {
    assert.ok(isProviderError(e) && e.failure === 'auth');
    assert.ok(!e.message.includes('r8_not_a_token_xyz'));
    return true;
  });
  await assert.rejects(provider.poll('doesnotexist'), (e) => isProviderError(e) && e.failure === 'rejected');
  const down = createPredictionProvider({
    baseUrl: 'http://127.0.0.1:9/v1',
    token: TOKEN_1,
    timeoutMs: 2_000,
  });
  await assert.rejects(down.poll('x'), (e) => isProviderError(e) && e.failure === 'unavailable');
});

test('progress is the newest percentage in the logs', () => {
  assert.equal(progressFromLogs(' 10%|█   | 5/50\n 42%|████▏ | 21/50'), 42);
  assert.equal(progressFromLogs('starting'), undefined);
  assert.equal(progressFromLogs(null), undefined);
});
