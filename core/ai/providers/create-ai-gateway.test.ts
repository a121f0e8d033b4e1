import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { Logger } from '#core/logging/logger.ts';
import { startOpenAiStandIn, type TOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import type { TAiGateway } from './ai-gateway.ts';
import { createAiGateway } from './create-ai-gateway.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { AUTH_FAILURE_REST_MS, createKeyPool } from './key-pool.ts';
import { aiConfigOf, type TProviders, type TRoutes } from './provider-config.ts';
import { isProviderError } from './provider-error.ts';
import type { TChatChunk, TGenerationState } from './provider-types.ts';

const KEY_A = 'sk-primary-aaaaaaaaaaaaaaaa';
const KEY_B = 'sk-primary-bbbbbbbbbbbbbbbb';
const KEY_G = 'sk-gateway-gggggggggggggggg';

let standIn: TOpenAiStandIn;
let redis: TestRedis;

before(async () => {
  standIn = await startOpenAiStandIn({ keys: [KEY_A, KEY_B, KEY_G], videoDurationMs: 300 });
});
after(async () => {
  await standIn.close();
});
beforeEach(async () => {
  // A fresh prefix per test: key rests and turns of one test never leak into the next.
  await redis?.cleanup();
  redis = await createTestRedis();
});
after(() => redis?.cleanup());

function gatewayWith(
  providers: TProviders,
  routes: TRoutes = {},
  metrics?: Registry,
  logger?: Logger,
): TAiGateway {
  return createAiGateway({
    config: aiConfigOf({ AI_PROVIDERS: providers, AI_ROUTES: routes }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
    metrics,
    logger,
  });
}

/** A logger whose JSON lines the test reads back. */
function capturedLogger() {
  const written: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => written.push(line) });
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const openai = (keys: string[]) => ({
  type: 'openai' as const,
  baseUrl: standIn.apiBase,
  keys,
  timeoutMs: 10_000,
});

async function collect(stream: AsyncIterable<TChatChunk>): Promise<{ text: string; usage?: TChatChunk }> {
  let text = '';
  let usage: TChatChunk | undefined;
  for await (const chunk of stream) {
    if (chunk.type === 'delta') text += chunk.text;
    else usage = chunk;
  }
  return { text, usage };
}

const requestsSince = (start: number) => standIn.control.requests().slice(start);

test('chat streams the reply in several deltas and ends with the usage', async () => {
  standIn.control.setStreamChunkSize(4);
  const ai = gatewayWith({ openai: openai([KEY_A]) });
  const deltas: string[] = [];
  let usage: TChatChunk | undefined;
  for await (const chunk of ai.streamChat('gpt-4o', [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'hello there' },
  ])) {
    if (chunk.type === 'delta') deltas.push(chunk.text);
    else usage = chunk;
  }
  standIn.control.setStreamChunkSize(16);
  const text = deltas.join('');
  assert.match(text, /^Echo \(gpt-4o\): hello there\nReceived 2 messages/);
  assert.ok(deltas.length > 5, `streamed in pieces, got ${deltas.length}`);
  assert.equal(usage?.type, 'usage');
  assert.ok(usage?.type === 'usage' && usage.promptTokens > 0 && usage.completionTokens > 0);
});

test('a rate-limited key: the call succeeds on the next key at once, and the first key rests for all', async () => {
  const ai = gatewayWith({ openai: openai([KEY_A, KEY_B]) });
  standIn.control.rateLimitKey(KEY_A, 1, { retryAfterMs: 30_000 });
  const start = standIn.control.requests().length;
  const { text } = await collect(ai.streamChat('gpt-4o-mini', [{ role: 'user', content: 'one' }]));
  assert.match(text, /^Echo \(gpt-4o-mini\): one/);
  assert.deepEqual(
    requestsSince(start).map((r) => [r.key, r.status]),
    [
      [KEY_A, 429],
      [KEY_B, 200],
    ],
  );
  // The rest is in Redis under the deployment's prefix, named by the key's fingerprint only.
  const restKey = `${redis.prefix}:ai:key-rest:openai:${keyFingerprint(KEY_A)}`;
  const left = await redis.redis.pttl(restKey);
  assert.ok(left > 25_000 && left <= 30_000, `A rests for its retry-after, ${left} ms left`);
  const keys = await redis.redis.keys(`${redis.prefix}:*`);
  assert.ok(!keys.some((k) => k.includes(KEY_A) || k.includes(KEY_B)), 'no secret in a Redis key');

  // Another process (a second gateway on the same Redis) skips A too, whoever's turn it is.
  const other = gatewayWith({ openai: openai([KEY_A, KEY_B]) });
  const next = standIn.control.requests().length;
  for (let i = 0; i < 3; i++)
    await collect(other.streamChat('gpt-4o-mini', [{ role: 'user', content: `n${i}` }]));
  assert.deepEqual(
    requestsSince(next).map((r) => r.key),
    [KEY_B, KEY_B, KEY_B],
  );
});

test('keys are used in turn while none rests', async () => {
  const ai = gatewayWith({ openai: openai([KEY_A, KEY_B]) });
  const start = standIn.control.requests().length;
  for (let i = 0; i < 4; i++) await collect(ai.streamChat('gpt-4o', [{ role: 'user', content: `t${i}` }]));
  assert.deepEqual(
    requestsSince(start).map((r) => r.key),
    [KEY_A, KEY_B, KEY_A, KEY_B],
  );
});

test('a refused key rests 15 minutes; out of quota counts as refused', async () => {
  const revoked = 'sk-revoked-rrrrrrrrrrrrrrrrr';
  standIn.control.addKey(revoked);
  standIn.control.revokeKey(revoked);
  const registry = new Registry();
  const ai = gatewayWith({ openai: openai([revoked, KEY_B]) }, {}, registry);
  const { text } = await collect(ai.streamChat('gpt-4o', [{ role: 'user', content: 'auth' }]));
  assert.match(text, /auth/);
  const pool = createKeyPool({ redis: redis.redis, prefix: redis.prefix });
  const left = await pool.restLeft('openai', revoked);
  assert.ok(left > AUTH_FAILURE_REST_MS - 5_000 && left <= AUTH_FAILURE_REST_MS, `${left} ms`);

  standIn.control.rateLimitKey(KEY_B, 1, { code: 'insufficient_quota' });
  await assert.rejects(collect(ai.streamChat('gpt-4o', [{ role: 'user', content: 'quota' }])), (error) => {
    // Both keys rest now: the answer says when the first is free, and never names a key.
    assert.ok(isProviderError(error));
    assert.equal(error.failure, 'rate_limited');
    assert.ok((error.retryAfterMs ?? 0) > AUTH_FAILURE_REST_MS - 5_000);
    assert.ok(!error.message.includes(KEY_B) && !error.message.includes(revoked));
    return true;
  });
  assert.ok((await pool.restLeft('openai', KEY_B)) > AUTH_FAILURE_REST_MS - 5_000);
  const metric = await registry.getSingleMetricAsString('polygram_ai_provider_errors_total');
  assert.match(metric, /provider="openai",failure="auth"} 2/);
});

test('all keys of the primary resting: the fallback provider serves; an outage falls back too', async () => {
  const ai = gatewayWith(
    { openai: openai([KEY_A]), gateway: openai([KEY_G]) },
    {
      'gpt-4o': [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'gateway', model: 'gpt-4o-mini' },
      ],
    },
  );
  standIn.control.rateLimitKey(KEY_A, 1, { retryAfterMs: 60_000 });
  let start = standIn.control.requests().length;
  const first = await collect(ai.streamChat('gpt-4o', [{ role: 'user', content: 'fallback' }]));
  assert.match(first.text, /^Echo \(gpt-4o-mini\): fallback/);
  assert.deepEqual(
    requestsSince(start).map((r) => [r.key, r.model, r.status]),
    [
      [KEY_A, 'gpt-4o', 429],
      [KEY_G, 'gpt-4o-mini', 200],
    ],
  );
  // While A rests the primary is not even asked.
  start = standIn.control.requests().length;
  await collect(ai.streamChat('gpt-4o', [{ role: 'user', content: 'again' }]));
  assert.deepEqual(
    requestsSince(start).map((r) => r.key),
    [KEY_G],
  );

  const healthy = gatewayWith(
    { openai: openai([KEY_B]), gateway: openai([KEY_G]) },
    {
      'gpt-4o': [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'gateway', model: 'gpt-4o-mini' },
      ],
    },
  );
  standIn.control.failNext({ status: 503, path: '/v1/chat/completions' });
  start = standIn.control.requests().length;
  const outage = await collect(healthy.streamChat('gpt-4o', [{ role: 'user', content: 'outage' }]));
  assert.match(outage.text, /^Echo \(gpt-4o-mini\)/);
  assert.deepEqual(
    requestsSince(start).map((r) => [r.key, r.status]),
    [
      [KEY_B, 503],
      [KEY_G, 200],
    ],
  );
  // An outage is not the key's fault: it does not rest.
  assert.equal(
    await createKeyPool({ redis: redis.redis, prefix: redis.prefix }).restLeft('openai', KEY_B),
    0,
  );
});

test('a request a route rejects (unknown model) goes to the next route, logged and counted, no key rested', async () => {
  const registry = new Registry();
  const { logger, lines } = capturedLogger();
  const ai = gatewayWith(
    { openai: openai([KEY_A, KEY_B]), gateway: openai([KEY_G]) },
    {
      deepseek: [
        { provider: 'openai', model: 'no-such-model' },
        { provider: 'gateway', model: 'gpt-4o' },
      ],
    },
    registry,
    logger,
  );
  const start = standIn.control.requests().length;
  const { text } = await collect(ai.streamChat('deepseek', [{ role: 'user', content: 'x' }]));
  assert.match(text, /^Echo \(gpt-4o\): x/);
  // The other key of the rejecting route is not tried: it would be sent the same request.
  assert.deepEqual(
    requestsSince(start).map((r) => [r.key === KEY_G ? 'gateway' : 'openai', r.model, r.status]),
    [
      ['openai', 'no-such-model', 404],
      ['gateway', 'gpt-4o', 200],
    ],
  );
  const pool = createKeyPool({ redis: redis.redis, prefix: redis.prefix });
  assert.equal((await pool.restLeft('openai', KEY_A)) + (await pool.restLeft('openai', KEY_B)), 0);
  assert.match(
    await registry.getSingleMetricAsString('polygram_ai_provider_errors_total'),
    /provider="openai",failure="rejected"} 1/,
  );
  const logged = lines().find((line) => line.msg === 'AI provider rejected the request');
  assert.ok(logged, 'the rejection is logged');
  assert.deepEqual(
    [logged.level, logged.model, logged.provider, logged.upstream],
    [50, 'deepseek', 'openai', 'no-such-model'],
  );
  assert.ok(!JSON.stringify(lines()).includes(KEY_A) && !JSON.stringify(lines()).includes(KEY_B));

  // Rejected by every route: the caller hears the rejection (not a content refusal, nothing to wait for).
  const nowhere = gatewayWith(
    { openai: openai([KEY_A]) },
    { deepseek: [{ provider: 'openai', model: 'no-such-model' }] },
  );
  await assert.rejects(collect(nowhere.streamChat('deepseek', [{ role: 'user', content: 'x' }])), (error) => {
    assert.ok(isProviderError(error) && error.failure === 'rejected', String(error));
    return true;
  });
});

test('a content refusal goes back to the caller at once: no other key, no other route', async () => {
  // A provider whose safety system refuses every image, as OpenAI words it.
  let asked = 0;
  const strict = createServer((_request, response) => {
    asked++;
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: {
          message: 'Your request was rejected as a result of our safety system.',
          type: 'invalid_request_error',
          param: null,
          code: 'content_policy_violation',
        },
      }),
    );
  });
  await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = strict.address() as AddressInfo;
    const registry = new Registry();
    const ai = gatewayWith(
      {
        strict: {
          type: 'openai',
          baseUrl: `http://127.0.0.1:${port}/v1`,
          keys: [KEY_A, KEY_B],
          timeoutMs: 5_000,
        },
        openai: openai([KEY_G]),
      },
      {
        'dall-e-3': [
          { provider: 'strict', model: 'dall-e-3' },
          { provider: 'openai', model: 'dall-e-3' },
        ],
      },
      registry,
    );
    const start = standIn.control.requests().length;
    await assert.rejects(ai.submit('dall-e-3', { prompt: 'something', params: {} }), (error) => {
      assert.ok(isProviderError(error) && error.failure === 'content_refused', String(error));
      assert.match(error.message, /safety system/);
      return true;
    });
    assert.equal(asked, 1, 'one key asked once');
    assert.equal(requestsSince(start).length, 0, 'the next route was not asked');
    assert.match(
      await registry.getSingleMetricAsString('polygram_ai_provider_errors_total'),
      /provider="strict",failure="content_refused"} 1/,
    );
  } finally {
    await new Promise((resolve) => strict.close(resolve));
  }
});

test('nothing configured: no model is served and a call says so', async () => {
  const ai = gatewayWith({});
  assert.equal(ai.serves('gpt-4o'), false);
  assert.equal(ai.serves('kling'), false);
  await assert.rejects(collect(ai.streamChat('gpt-4o', [{ role: 'user', content: 'x' }])), (error) => {
    assert.ok(isProviderError(error) && error.failure === 'unavailable');
    return true;
  });
  // Only the OpenAI provider configured: the models routed elsewhere by default are not offered.
  const some = gatewayWith({ openai: openai([KEY_A]) });
  assert.deepEqual(
    ['gpt-4o', 'dall-e-3', 'sora-2', 'whisper', 'tts', 'claude-sonnet', 'kling', 'nope'].map((m) =>
      some.serves(m),
    ),
    [true, true, true, true, true, false, false, false],
  );
  // A route to a provider of the wrong flavour is skipped as well.
  const wrong = gatewayWith(
    { replicate: { type: 'prediction', baseUrl: standIn.url, keys: ['r'], timeoutMs: 5_000 } },
    { 'gpt-4o': [{ provider: 'replicate', model: 'x/y' }] },
  );
  assert.equal(wrong.serves('gpt-4o'), false);
});

test('images come back with the submission; speech round-trips through transcription', async () => {
  const ai = gatewayWith({ openai: openai([KEY_A]) });
  const image = await ai.submit('dall-e-3', { prompt: 'a red fox', params: { size: '1024x1024' } });
  assert.equal(image.provider, 'openai');
  const [picture] = image.output ?? [];
  assert.equal(picture?.mimeType, 'image/png');
  assert.ok(picture?.bytes.subarray(1, 4).toString() === 'PNG');
  await assert.rejects(
    ai.poll(image.provider, image.jobId),
    (e) => isProviderError(e) && e.failure === 'rejected',
  );

  const speech = await ai.speak({ text: 'good morning', voice: 'nova' });
  assert.equal(speech.mimeType, 'audio/mpeg');
  assert.equal(await ai.transcribe({ audio: speech.bytes, fileName: 'reply.mp3' }), 'good morning');
  assert.equal(
    await ai.transcribe({ audio: spokenTextMarker('привет'), fileName: 'voice.ogg', language: 'ru' }),
    'привет',
  );
});

test('a video job via the OpenAI Videos API: queued → progress → the MP4', async () => {
  const ai = gatewayWith({ openai: openai([KEY_A, KEY_B]) });
  const job = await ai.submit('sora-2', {
    prompt: 'waves at dusk',
    params: { seconds: 4, size: '1280x720' },
  });
  assert.equal(job.output, undefined);
  assert.match(job.jobId, new RegExp(`^(${keyFingerprint(KEY_A)}|${keyFingerprint(KEY_B)}):video_`));
  const states: TGenerationState['state'][] = [];
  let state: TGenerationState;
  for (;;) {
    state = await ai.poll(job.provider, job.jobId);
    states.push(state.state);
    if (state.state !== 'pending') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(states[0], 'pending');
  assert.equal(state.state, 'succeeded');
  const [video] = state.state === 'succeeded' ? state.output : [];
  assert.equal(video?.mimeType, 'video/mp4');
  assert.equal(video?.bytes.subarray(4, 8).toString(), 'ftyp');
  // Polled with the key that created the job, every time.
  const creator = standIn.control.requests().find((r) => r.method === 'POST' && r.path === '/v1/videos')?.key;
  const polls = standIn.control.requests().filter((r) => r.path.startsWith('/v1/videos/'));
  assert.ok(polls.length >= 2 && polls.every((r) => r.key === creator));

  standIn.control.failVideoJobs(true);
  const failing = await ai.submit('sora-2', { prompt: 'fails', params: {} });
  standIn.control.failVideoJobs(false);
  let end: TGenerationState;
  do {
    await new Promise((r) => setTimeout(r, 50));
    end = await ai.poll(failing.provider, failing.jobId);
  } while (end.state === 'pending');
  assert.equal(end.state, 'failed');
});

test('the caller’s abort ends the stream as an abort: no fallback, no key rest, nothing counted', async () => {
  const registry = new Registry();
  const ai = gatewayWith(
    { openai: openai([KEY_A]), gateway: openai([KEY_G]) },
    {
      'gpt-4o': [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'gateway', model: 'gpt-4o-mini' },
      ],
    },
    registry,
  );
  standIn.control.setStreamChunkSize(2);
  standIn.control.setStreamDelay(30);
  const controller = new AbortController();
  const start = standIn.control.requests().length;
  let received = '';
  try {
    await assert.rejects(
      (async () => {
        for await (const chunk of ai.streamChat(
          'gpt-4o',
          [{ role: 'user', content: 'stop me' }],
          controller.signal,
        )) {
          if (chunk.type === 'delta') received += chunk.text;
          if (received.length >= 6) controller.abort();
        }
      })(),
      (error: unknown) => error instanceof Error && error.name === 'AbortError',
    );
  } finally {
    standIn.control.setStreamDelay(0);
    standIn.control.setStreamChunkSize(16);
  }
  assert.ok(received.length >= 6 && received.length < 20, received);
  // The stand-in logs a stream when it ends; give the cut one a moment. The fallback was never asked.
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(!requestsSince(start).some((r) => r.key === KEY_G));
  const pool = createKeyPool({ redis: redis.redis, prefix: redis.prefix });
  assert.equal(await pool.restLeft('openai', KEY_A), 0);
  assert.doesNotMatch(
    await registry.getSingleMetricAsString('polygram_ai_provider_errors_total'),
    /failure=/,
  );
});
