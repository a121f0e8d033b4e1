import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readPngSize } from '#sandbox/openai/png-encoder.ts';
import { wavDurationSeconds } from '#sandbox/openai/wav-audio.ts';
import {
  startPredictionStandIn,
  type TPredictionStandIn,
  type TPredictionStandInOptions,
} from './prediction-stand-in.ts';

const TOKEN = 'r8_test_token_000000000000000000000000';

type TPrediction = {
  id: string;
  model: string;
  version: string;
  status: string;
  output: string | string[] | null;
  error: string | null;
  logs: string;
  metrics: { predict_time?: number; total_time?: number; image_count?: number };
  started_at: string | null;
  completed_at: string | null;
  urls: { get: string; cancel: string };
};

type THarness = {
  standIn: TPredictionStandIn;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
};

async function withPredictions(
  run: (h: THarness) => Promise<void>,
  opts: Partial<TPredictionStandInOptions> = {},
): Promise<void> {
  const standIn = await startPredictionStandIn({ tokens: [TOKEN], defaults: { delayMs: 150 }, ...opts });
  const api: THarness['api'] = (path, init = {}) =>
    fetch(`${standIn.url}/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${init.token ?? TOKEN}`,
        'content-type': 'application/json',
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  try {
    await run({ standIn, api });
  } finally {
    await standIn.close();
  }
}

async function json<T = TPrediction>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  assert.equal(response.status, status, JSON.stringify(body));
  return body;
}

/** Polls `urls.get` like a client would, recording every status seen. */
async function poll(prediction: TPrediction): Promise<{ final: TPrediction; seen: string[] }> {
  const seen = [prediction.status];
  let current = prediction;
  while (!['succeeded', 'failed', 'canceled'].includes(current.status)) {
    await sleep(10);
    current = await json(
      await fetch(current.urls.get, { headers: { authorization: `Bearer ${TOKEN}` } }),
      200,
    );
    if (seen.at(-1) !== current.status) seen.push(current.status);
  }
  return { final: current, seen };
}

async function download(url: string): Promise<{ bytes: Buffer; type: string | null }> {
  const response = await fetch(url);
  assert.equal(response.status, 200);
  return { bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

describe('prediction lifecycle', () => {
  test('create → starting → processing → succeeded, with images that download as PNGs', () =>
    withPredictions(async ({ standIn, api }) => {
      const created = await json(
        await api('/models/black-forest-labs/flux-schnell/predictions', {
          body: { input: { prompt: 'a lighthouse', width: 40, height: 24, num_outputs: 2 } },
        }),
        201,
      );
      assert.equal(created.status, 'starting');
      assert.equal(created.model, 'black-forest-labs/flux-schnell');
      assert.match(created.version, /^[0-9a-f]{64}$/);
      assert.equal(created.output, null);
      assert.equal(created.urls.get, `${standIn.url}/v1/predictions/${created.id}`);

      const { final, seen } = await poll(created);
      assert.deepEqual(seen, ['starting', 'processing', 'succeeded']);
      assert.ok(Array.isArray(final.output) && final.output.length === 2);
      assert.match(final.logs, /100%\|██████████\| 20\/20/);
      assert.equal(final.metrics.image_count, 2);
      assert.ok(
        (final.metrics.predict_time ?? 0) > 0 &&
          (final.metrics.total_time ?? 0) >= (final.metrics.predict_time ?? 0),
      );
      assert.ok(final.completed_at !== null && final.started_at !== null);
      const [first, second] = await Promise.all(final.output.map(download));
      assert.equal(first?.type, 'image/png');
      assert.deepEqual(readPngSize(first?.bytes ?? Buffer.alloc(0)), { width: 40, height: 24 });
      assert.ok(first && second && !first.bytes.equals(second.bytes), 'each output is its own image');
      // Reading again gives the same files, not new ones.
      const again = await json(await api(`/predictions/${created.id}`), 200);
      assert.deepEqual(again.output, final.output);
    }));

  test('mid-run logs show a tqdm percentage that rises', () =>
    withPredictions(
      async ({ api }) => {
        const created = await json(
          await api('/predictions', { body: { version: 'stability-ai/sdxl', input: { prompt: 'x' } } }),
          201,
        );
        const percents: number[] = [];
        let current = created;
        while (current.status !== 'succeeded') {
          await sleep(25);
          current = await json(await api(`/predictions/${created.id}`), 200);
          const last = current.logs.trim().split('\n').at(-1) ?? '';
          const match = /^\s*(\d+)%\|/.exec(last);
          if (match) percents.push(Number(match[1]));
        }
        assert.ok(percents.length >= 3, `saw ${percents.join(',')}`);
        assert.deepEqual(
          percents,
          [...percents].sort((a, b) => a - b),
        );
        assert.ok(
          percents.some((p) => p > 0 && p < 100),
          `saw ${percents.join(',')}`,
        );
        assert.equal(percents.at(-1), 100);
      },
      { defaults: { delayMs: 400 } },
    ));

  test('each kind gives its own kind of file: video MP4, audio WAV, vectorize SVG', () =>
    withPredictions(async ({ api, standIn }) => {
      standIn.control.setModel('acme/converter', { kind: 'vectorize' });
      const run = async (model: string, input: Record<string, unknown>) => {
        const created = await json(await api(`/models/${model}/predictions`, { body: { input } }), 201);
        return (await poll(created)).final;
      };
      const video = await run('wan-video/wan-2.1', { prompt: 'waves' });
      assert.equal(typeof video.output, 'string');
      const mp4 = await download(String(video.output));
      assert.equal(mp4.type, 'video/mp4');
      assert.equal(mp4.bytes.toString('latin1', 4, 8), 'ftyp');

      const audio = await run('meta/musicgen', { prompt: 'jazz', duration: 2 });
      const wav = await download(String(audio.output));
      assert.equal(wav.bytes.toString('latin1', 0, 4), 'RIFF');
      assert.equal(wavDurationSeconds(wav.bytes), 2);

      // A vectorizer traces its input, here a picture the stand-in itself serves.
      const picture = await run('acme/sketch', { prompt: 'a logo', width: 32, height: 32 });
      const traced = await run('acme/converter', { image: String(picture.output?.[0]) });
      const svg = await download(String(traced.output));
      assert.equal(svg.type, 'image/svg+xml');
      assert.match(
        svg.bytes.toString('utf8'),
        /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\n$/,
      );
    }));

  test('a bare version id works for a configured model and is 422 when unknown', () =>
    withPredictions(
      async ({ api }) => {
        const known = await json(await api('/predictions', { body: { version: 'abc123', input: {} } }), 201);
        assert.equal(known.model, 'acme/painter');
        const unknown = await json<{ title: string; status: number }>(
          await api('/predictions', { body: { version: 'f'.repeat(64), input: {} } }),
          422,
        );
        assert.equal(unknown.title, 'Invalid version or not permitted');
        const missingInput = await json<{ invalid_fields: { field: string }[] }>(
          await api('/predictions', { body: { version: 'abc123' } }),
          422,
        );
        assert.equal(missingInput.invalid_fields[0]?.field, 'input');
      },
      { models: { 'acme/painter': { version: 'abc123' } } },
    ));

  test('a 30 MB input file as a data URL is taken', () =>
    withPredictions(async ({ api }) => {
      const audio = `data:audio/ogg;base64,${Buffer.alloc(30 * 1024 * 1024, 3).toString('base64')}`;
      const created = await json(
        await api('/models/openai/whisper/predictions', { body: { input: { audio } } }),
        201,
      );
      assert.equal((created as TPrediction & { input: { audio: string } }).input.audio.length, audio.length);
    }));

  test('Prefer: wait holds the answer until the prediction is done', () =>
    withPredictions(async ({ api }) => {
      const response = await api('/models/acme/sketch/predictions', {
        body: { input: { width: 8, height: 8 } },
        headers: { prefer: 'wait=5' },
      });
      const prediction = await json(response, 201);
      assert.equal(prediction.status, 'succeeded');
      assert.equal(prediction.output?.length, 1);
    }));
});

describe('failures, cancellation and throttling', () => {
  test('failureRate 1 ends every prediction failed with an error and a traceback', () =>
    withPredictions(
      async ({ api }) => {
        const created = await json(
          await api('/models/acme/fragile/predictions', { body: { input: {} } }),
          201,
        );
        const { final, seen } = await poll(created);
        assert.deepEqual(seen, ['starting', 'processing', 'failed']);
        assert.equal(final.output, null);
        assert.match(final.error ?? '', /failure/);
        assert.match(final.logs, /Traceback[\s\S]*RuntimeError/);
      },
      { models: { 'acme/fragile': { failureRate: 1 } } },
    ));

  test('a seeded failure rate fails the same predictions on every run', () => {
    const outcomes = async () => {
      const statuses: string[] = [];
      await withPredictions(
        async ({ standIn, api }) => {
          const ids = [];
          for (let i = 0; i < 12; i++) {
            ids.push(
              (await json(await api('/models/acme/flaky/predictions', { body: { input: { i } } }), 201)).id,
            );
          }
          await sleep(40);
          for (const id of ids) statuses.push((await json(await api(`/predictions/${id}`), 200)).status);
          assert.equal(standIn.control.predictions().length, 12);
        },
        { seed: 42, defaults: { delayMs: 20, failureRate: 0.5 } },
      );
      return statuses;
    };
    return (async () => {
      const first = await outcomes();
      assert.deepEqual(await outcomes(), first);
      assert.ok(first.includes('failed') && first.includes('succeeded'), first.join(','));
    })();
  });

  test('cancel stops a running prediction for good; a finished one stays finished', () =>
    withPredictions(
      async ({ standIn, api }) => {
        const created = await json(await api('/models/acme/slow/predictions', { body: { input: {} } }), 201);
        const canceled = await json(await api(`/predictions/${created.id}/cancel`, { method: 'POST' }), 200);
        assert.equal(canceled.status, 'canceled');
        assert.equal(canceled.output, null);
        assert.ok(canceled.completed_at !== null);
        const done = await json(await api('/models/acme/slow/predictions', { body: { input: {} } }), 201);
        standIn.control.finish(done.id);
        assert.equal(
          (await json(await api(`/predictions/${done.id}/cancel`, { method: 'POST' }), 200)).status,
          'succeeded',
        );
        assert.equal((await json(await api(`/predictions/${created.id}`), 200)).status, 'canceled');
      },
      { defaults: { delayMs: 60_000 } },
    ));

  test('control.finish with an error fails a prediction now', () =>
    withPredictions(
      async ({ standIn, api }) => {
        const created = await json(await api('/models/acme/slow/predictions', { body: { input: {} } }), 201);
        standIn.control.finish(created.id, { error: 'NSFW content detected' });
        const final = await json(await api(`/predictions/${created.id}`), 200);
        assert.equal(final.status, 'failed');
        assert.equal(final.error, 'NSFW content detected');
      },
      { defaults: { delayMs: 60_000 } },
    ));

  test('a bad token is 401; a throttled token is 429 with retry-after, then works', () =>
    withPredictions(async ({ standIn, api }) => {
      const denied = await json<{ title: string }>(await api('/predictions', { token: 'r8_nope' }), 401);
      assert.equal(denied.title, 'Unauthenticated');
      standIn.control.rateLimitToken(TOKEN, 2, { retryAfterMs: 3000 });
      for (let i = 0; i < 2; i++) {
        const response = await api('/predictions');
        assert.equal(response.headers.get('retry-after'), '3');
        assert.match((await json<{ detail: string }>(response, 429)).detail, /throttled/);
      }
      await json(await api('/predictions'), 200);
      assert.deepEqual(
        standIn.control.requests().map((r) => [r.token, r.status]),
        [
          ['r8_nope', 401],
          [TOKEN, 429],
          [TOKEN, 429],
          [TOKEN, 200],
        ],
      );
    }));

  test('failNext fails only matching requests, and a failed create makes no prediction', () =>
    withPredictions(async ({ standIn, api }) => {
      standIn.control.failNext({ status: 503, path: '/v1/models/' });
      await json(await api('/predictions'), 200);
      await json(await api('/models/acme/x/predictions', { body: { input: {} } }), 503);
      assert.equal(standIn.control.predictions().length, 0);
      const ok = await json(await api('/models/acme/x/predictions', { body: { input: {} } }), 201);
      assert.equal(standIn.control.requests().at(-1)?.predictionId, ok.id);
      await json(await api('/predictions/doesnotexist'), 404);
    }));
});
