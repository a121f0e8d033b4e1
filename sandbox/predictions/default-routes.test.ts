// The sandbox's AI stand-ins as the app meets them (sandbox/stand-ins/ai-stand-ins.ts): every video,
// music and photo-tool model of the default routes answers its own kind of file, so the demo shows
// what each tool does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { DEFAULT_ROUTES } from '#core/ai/providers/provider-routes.ts';
import { aiStandIn } from '#sandbox/stand-ins/ai-stand-ins.ts';
import type { TRunningStandIn } from '#sandbox/stand-ins/stand-in.ts';

type TAiControl = Awaited<ReturnType<typeof aiStandIn.start>> extends TRunningStandIn<infer C> ? C : never;

let running: TRunningStandIn<TAiControl>;
before(async () => {
  running = await aiStandIn.start({ appUrl: 'http://127.0.0.1:9', port: () => 0 });
});
after(() => running.close());

const routesOf = (predicate: (id: string) => boolean) =>
  Object.entries(DEFAULT_ROUTES).flatMap(([id, routes]) =>
    predicate(id) ? routes.map((route) => ({ id, ...route })) : [],
  );

async function predict(
  model: string,
  input: Record<string, unknown>,
): Promise<{ bytes: Buffer; type: string }> {
  const { url, tokens } = running.control.predictions;
  const headers = { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/models/${model}/predictions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ input }),
  });
  let prediction = (await created.json()) as {
    status: string;
    output: unknown;
    error: unknown;
    urls: { get: string };
  };
  while (!['succeeded', 'failed', 'canceled'].includes(prediction.status)) {
    await sleep(100);
    prediction = (await (await fetch(prediction.urls.get, { headers })).json()) as typeof prediction;
  }
  assert.equal(prediction.status, 'succeeded', `${model}: ${String(prediction.error)}`);
  const output = Array.isArray(prediction.output) ? prediction.output[0] : prediction.output;
  const file = await fetch(String(output));
  return { bytes: Buffer.from(await file.arrayBuffer()), type: file.headers.get('content-type') ?? '' };
}

async function openAiVideo(model: string): Promise<{ bytes: Buffer; type: string }> {
  const { apiBase, keys } = running.control.openai;
  const headers = { authorization: `Bearer ${keys[0]}`, 'content-type': 'application/json' };
  const created = await fetch(`${apiBase}/videos`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model, prompt: 'waves on a shore' }),
  });
  let job = (await created.json()) as { id: string; status: string };
  assert.equal(created.status, 200, JSON.stringify(job));
  while (job.status !== 'completed' && job.status !== 'failed') {
    await sleep(200);
    job = (await (await fetch(`${apiBase}/videos/${job.id}`, { headers })).json()) as typeof job;
  }
  const file = await fetch(`${apiBase}/videos/${job.id}/content`, { headers });
  return { bytes: Buffer.from(await file.arrayBuffer()), type: file.headers.get('content-type') ?? '' };
}

test('every video model of the default routes gives an MP4, Sora through the Videos API', async () => {
  const routes = routesOf((id) => findCatalogModel(id)?.kind === 'video');
  assert.ok(routes.length >= 6, `video routes: ${routes.map((r) => r.model).join(', ')}`);
  const results = await Promise.all(
    routes.map(async (route) => ({
      model: route.model,
      ...(route.provider === 'replicate'
        ? await predict(route.model, { prompt: 'waves on a shore', duration: 5 })
        : await openAiVideo(route.model)),
    })),
  );
  for (const { model, bytes, type } of results) {
    assert.equal(type, 'video/mp4', model);
    assert.equal(bytes.toString('latin1', 4, 8), 'ftyp', model);
  }
});

test('the photo tools transform the picture and music is a WAV, as the catalog says of each', async () => {
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2080c0' } })
    .composite([
      { input: { create: { width: 16, height: 12, channels: 3, background: '#e03030' } }, top: 9, left: 12 },
    ])
    .png()
    .toBuffer();
  const image = `data:image/png;base64,${photo.toString('base64')}`;
  const expected: Record<string, { type: string; check(bytes: Buffer): Promise<void> }> = {
    upscale: {
      type: 'image/png',
      check: async (bytes) => assert.deepEqual(await size(bytes), [160, 120]),
    },
    'remove-background': {
      type: 'image/png',
      check: async (bytes) => assert.equal((await sharp(bytes).metadata()).hasAlpha, true),
    },
    'replace-background': {
      type: 'image/png',
      check: async (bytes) => assert.deepEqual(await size(bytes), [40, 30]),
    },
    vectorize: {
      type: 'image/svg+xml',
      check: async (bytes) => assert.match(bytes.toString('utf8'), /<svg[^>]* width="40" height="30"/),
    },
    suno: {
      type: 'audio/wav',
      check: async (bytes) => assert.equal(bytes.toString('latin1', 8, 12), 'WAVE'),
    },
  };
  const routes = routesOf((id) => id in expected);
  assert.deepEqual(routes.map((r) => r.id).sort(), Object.keys(expected).sort());
  await Promise.all(
    routes.map(async (route) => {
      const input = route.id === 'suno' ? { prompt: 'rain', duration: 2 } : { image, prompt: 'a beach' };
      const { bytes, type } = await predict(route.model, input);
      assert.equal(type, expected[route.id]?.type, route.model);
      await expected[route.id]?.check(bytes);
    }),
  );
});

async function size(png: Buffer): Promise<[number | undefined, number | undefined]> {
  const metadata = await sharp(png).metadata();
  return [metadata.width, metadata.height];
}
