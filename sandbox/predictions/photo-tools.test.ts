import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { startPredictionStandIn, type TPredictionStandIn } from './prediction-stand-in.ts';

// The photo tools of the default routes, by their Replicate names: the stand-in knows them by name alone.
const UPSCALE = 'nightmareai/real-esrgan';
const REMOVE_BACKGROUND = '851-labs/background-remover';
const REPLACE_BACKGROUND = 'bria/generate-background';
const VECTORIZE = 'recraft-ai/recraft-vectorize';

const TOKEN = 'r8_photo_tools_000000000000000000';
const BACKDROP: TRgb = [30, 120, 200];
const DISC: TRgb = [230, 40, 40];

type TRgb = [number, number, number];
type TPrediction = {
  id: string;
  status: string;
  output: string | string[] | null;
  error: string | null;
  logs: string;
  urls: { get: string };
};
type TRaw = { data: Buffer; width: number; height: number; channels: number };

let standIn: TPredictionStandIn;
before(async () => {
  standIn = await startPredictionStandIn({ tokens: [TOKEN], defaults: { delayMs: 100 } });
});
after(() => standIn.close());

async function create(model: string, input: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${standIn.url}/v1/models/${model}/predictions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ input }),
  });
}

/** Creates a prediction and polls it to its end, as the app's prediction provider does. */
async function run(model: string, input: Record<string, unknown>): Promise<TPrediction> {
  const response = await create(model, input);
  const prediction = (await response.json()) as TPrediction;
  assert.equal(response.status, 201, JSON.stringify(prediction));
  return poll(prediction);
}

async function poll(created: TPrediction): Promise<TPrediction> {
  let prediction = created;
  while (!['succeeded', 'failed', 'canceled'].includes(prediction.status)) {
    await sleep(20);
    prediction = (await (
      await fetch(prediction.urls.get, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as TPrediction;
  }
  return prediction;
}

async function download(prediction: TPrediction): Promise<{ bytes: Buffer; type: string | null }> {
  assert.equal(prediction.status, 'succeeded', prediction.error ?? '');
  assert.equal(typeof prediction.output, 'string', 'a photo tool answers one URL');
  const response = await fetch(String(prediction.output));
  assert.equal(response.status, 200);
  return { bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

async function decode(bytes: Buffer, channels: 3 | 4 = 4): Promise<TRaw> {
  const image = channels === 4 ? sharp(bytes).ensureAlpha() : sharp(bytes).removeAlpha();
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

const pixel = (image: TRaw, x: number, y: number) => [
  ...image.data.subarray((y * image.width + x) * image.channels, (y * image.width + x + 1) * image.channels),
];

const distance = (a: number[], b: number[]) =>
  Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));

const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * A plain backdrop and a disc in the middle; inside the disc, right of centre, a patch of the backdrop's
 * colour that a cut by colour alone would wrongly remove.
 */
async function discPhoto(width = 80, height = 60): Promise<Buffer> {
  const rgb = Buffer.alloc(width * height * 3);
  const [cx, cy, r] = [width / 2, height / 2, Math.min(width, height) / 3];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inDisc = Math.hypot(x - cx, y - cy) < r;
      const inPatch = Math.abs(x - (cx + r / 2)) <= 2 && Math.abs(y - cy) <= 2;
      rgb.set(inDisc && !inPatch ? DISC : BACKDROP, (y * width + x) * 3);
    }
  }
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A picture with detail at every scale: a diagonal gradient, stripes and a square. */
async function busyPhoto(width: number, height: number): Promise<Buffer> {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inSquare = x > width / 4 && x < width / 2 && y > height / 4 && y < (height * 3) / 4;
      rgb.set(
        inSquare ? [250, 240, 20] : [(x * 255) / width, (y * 255) / height, Math.floor(x / 8) % 2 ? 200 : 60],
        (y * width + x) * 3,
      );
    }
  }
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('photo tools work on the uploaded picture', () => {
  test('upscale: 64x48 at scale 4 is a 256x192 PNG that shrinks back to the input (Prefer: wait)', async () => {
    const photo = await busyPhoto(64, 48);
    const response = await create(UPSCALE, { image: dataUri(photo), scale: 4 }, { prefer: 'wait=10' });
    const prediction = (await response.json()) as TPrediction;
    assert.equal(prediction.status, 'succeeded', 'Prefer: wait holds the answer until the upscale is done');
    const { bytes, type } = await download(prediction);
    assert.equal(type, 'image/png');
    const metadata = await sharp(bytes).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 256, 192]);
    const shrunk = await decode(
      await sharp(bytes).resize(64, 48, { kernel: 'lanczos3' }).png().toBuffer(),
      3,
    );
    const original = await decode(photo, 3);
    let sum = 0;
    for (let i = 0; i < original.data.length; i++)
      sum += Math.abs((original.data[i] ?? 0) - (shrunk.data[i] ?? 0));
    const meanDifference = sum / original.data.length;
    assert.ok(meanDifference < 6, `mean difference ${meanDifference.toFixed(1)}`);
  });

  test('upscale without scale doubles twice (Real-ESRGAN defaults to 4) and stops at 4096 px', async () => {
    const small = await download(await run(UPSCALE, { image: dataUri(await busyPhoto(30, 20)) }));
    assert.deepEqual(await sizeOf(small.bytes), [120, 80]);
    const wide = await download(await run(UPSCALE, { image: dataUri(await busyPhoto(1200, 10)), scale: 10 }));
    assert.deepEqual(await sizeOf(wide.bytes), [4096, 34]);
  });

  test('remove-background: the border is transparent, the disc opaque, its backdrop-coloured patch kept', async () => {
    const { bytes, type } = await download(
      await run(REMOVE_BACKGROUND, { image: dataUri(await discPhoto()) }),
    );
    assert.equal(type, 'image/png');
    const metadata = await sharp(bytes).metadata();
    assert.deepEqual([metadata.width, metadata.height, metadata.hasAlpha], [80, 60, true]);
    const cut = await decode(bytes);
    for (let x = 0; x < 80; x++) {
      assert.equal(pixel(cut, x, 0)[3], 0, `top border at ${x}`);
      assert.equal(pixel(cut, x, 59)[3], 0, `bottom border at ${x}`);
    }
    for (let y = 0; y < 60; y++) {
      assert.equal(pixel(cut, 0, y)[3], 0, `left border at ${y}`);
      assert.equal(pixel(cut, 79, y)[3], 0, `right border at ${y}`);
    }
    const centre = pixel(cut, 36, 30);
    assert.equal(centre[3], 255);
    assert.ok(distance(centre, DISC) < 3, `centre ${centre}`);
    assert.equal(pixel(cut, 50, 30)[3], 255, 'the patch inside the disc is part of the subject');
  });

  test('replace-background: the disc stays, the backdrop becomes the prompt picture', async () => {
    const photo = dataUri(await discPhoto());
    const beach = await decode(
      (await download(await run(REPLACE_BACKGROUND, { image: photo, bg_prompt: 'a beach' }))).bytes,
      3,
    );
    const forest = await decode(
      (await download(await run(REPLACE_BACKGROUND, { image: photo, prompt: 'a forest' }))).bytes,
      3,
    );
    for (const result of [beach, forest]) {
      assert.deepEqual([result.width, result.height], [80, 60]);
      assert.ok(distance(pixel(result, 36, 30), DISC) < 3, `centre ${pixel(result, 36, 30)}`);
      assert.ok(distance(pixel(result, 50, 30), BACKDROP) < 3, 'the patch inside the disc is kept as it was');
      for (const [x, y] of [
        [0, 0],
        [79, 0],
        [0, 59],
        [79, 59],
      ] as const)
        assert.ok(distance(pixel(result, x, y), BACKDROP) > 30, `corner ${x},${y} is ${pixel(result, x, y)}`);
    }
    assert.ok(distance(pixel(beach, 0, 0), pixel(forest, 0, 0)) > 0, 'the prompt decides the new background');
  });

  test('vectorize: an SVG traced from the picture, with its colours where the picture has them', async () => {
    const photo = await discPhoto(120, 90);
    const { bytes, type } = await download(await run(VECTORIZE, { image: dataUri(photo) }));
    assert.equal(type, 'image/svg+xml');
    const svg = bytes.toString('utf8');
    assert.match(
      svg,
      /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="120" height="90"[\s\S]*<\/svg>\n$/,
    );
    const drawn = await decode(await sharp(bytes).png().toBuffer(), 3);
    assert.deepEqual([drawn.width, drawn.height], [120, 90]);
    assert.ok(distance(dominantColour(drawn), BACKDROP) < 12, `dominant ${dominantColour(drawn)}`);
    assert.ok(distance(pixel(drawn, 55, 45), DISC) < 12, `centre ${pixel(drawn, 55, 45)}`);
    const original = await decode(photo, 3);
    let same = 0;
    for (let i = 0; i < 120 * 90; i++) {
      const at = (p: TRaw) => [...p.data.subarray(i * 3, i * 3 + 3)];
      if (distance(at(original), at(drawn)) < 30) same++;
    }
    assert.ok(same / (120 * 90) > 0.9, `${((same / (120 * 90)) * 100).toFixed(0)}% of pixels match`);
  });
});

test('a tool still reading its input when its delay is up stays processing, then succeeds', async () => {
  const photo = await discPhoto();
  // The picture's host takes longer to answer than the model's delay (100 ms).
  const slowHost = createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(photo), 400);
  });
  await new Promise<void>((resolve) => slowHost.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = slowHost.address() as AddressInfo;
    const response = await create(REMOVE_BACKGROUND, { image: `http://127.0.0.1:${port}/photo.png` });
    const created = (await response.json()) as TPrediction;
    await sleep(250);
    const midway = (await (
      await fetch(created.urls.get, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as TPrediction;
    assert.deepEqual([midway.status, midway.output], ['processing', null]);
    const { bytes } = await download(await run(REMOVE_BACKGROUND, { image: dataUri(photo) }));
    const final = await download(await poll(created));
    assert.ok(final.bytes.equals(bytes), 'the same picture by URL or data URI gives the same cut-out');
  } finally {
    await new Promise((resolve) => slowHost.close(resolve));
  }
});

describe('an input the tool cannot use', () => {
  test('is refused at creation when missing, not a URI, or out of range, with invalid_fields', async () => {
    const made = standIn.control.predictions().length;
    const missing = await create(UPSCALE, { scale: 11 });
    assert.equal(missing.status, 422);
    const body = (await missing.json()) as {
      title: string;
      invalid_fields: { type: string; field: string }[];
    };
    assert.equal(body.title, 'Input validation failed');
    assert.deepEqual(
      body.invalid_fields.map((f) => [f.type, f.field]),
      [
        ['required', 'input'],
        ['number_lte', 'input.scale'],
      ],
    );
    const notUri = await create(VECTORIZE, { image: 'logo.png' });
    assert.equal(notUri.status, 422);
    assert.deepEqual(((await notUri.json()) as { invalid_fields: unknown[] }).invalid_fields, [
      { type: 'format', field: 'input.image', description: "Does not match format 'uri'" },
    ]);
    assert.equal(standIn.control.predictions().length, made, 'no prediction is made for a refused input');
  });

  test('fails the prediction with the download or decoding error in `error` and a traceback in the logs', async () => {
    const cases: [string, RegExp, RegExp][] = [
      [
        `${standIn.url}/files/missing.png`,
        /^404 Client Error: Not Found for url: http:\/\/.*\/files\/missing\.png$/,
        /requests\.exceptions\.HTTPError/,
      ],
      [
        'http://127.0.0.1:9/photo.png',
        /^HTTPConnectionPool\(host='127\.0\.0\.1', port=9\): Max retries exceeded with url: \/photo\.png/,
        /requests\.exceptions\.ConnectionError/,
      ],
      [
        `data:image/png;base64,${Buffer.from('not a picture').toString('base64')}`,
        /^cannot identify image file/,
        /PIL\.UnidentifiedImageError/,
      ],
    ];
    for (const [image, error, exception] of cases) {
      const prediction = await run(REMOVE_BACKGROUND, { image });
      assert.equal(prediction.status, 'failed', image);
      assert.equal(prediction.output, null);
      assert.match(prediction.error ?? '', error);
      assert.match(prediction.logs, exception);
    }
  });
});

async function sizeOf(png: Buffer): Promise<[number | undefined, number | undefined]> {
  const metadata = await sharp(png).metadata();
  return [metadata.width, metadata.height];
}

/** The most common colour, each channel rounded to 8 levels so anti-aliasing does not split it. */
function dominantColour(image: TRaw): number[] {
  const counts = new Map<string, { n: number; colour: number[] }>();
  for (let i = 0; i < image.width * image.height; i++) {
    const colour = [...image.data.subarray(i * image.channels, i * image.channels + 3)];
    const key = colour.map((v) => v >> 5).join(',');
    const entry = counts.get(key) ?? { n: 0, colour };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.colour ?? [];
}
