import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generationRules } from '#core/ai/generation/generation-rules.ts';
import { toProviderParams } from '#core/ai/generation/provider-params.ts';
import { MODEL_CATALOG, type TCatalogModel } from '#core/ai/model-catalog.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { createConfiguredAiGateway } from '#core/ai/providers/configured-ai-gateway.ts';
import { ZAiProvidersEnvSchema, ZAiRoutesEnvSchema } from '#core/ai/providers/provider-config.ts';
import { DEFAULT_ROUTES, operationOf, type TRoute } from '#core/ai/providers/provider-routes.ts';
import type { TBinaryOutput } from '#core/ai/providers/provider-types.ts';
import { createLogger } from '#core/logging/logger.ts';
import { renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { aiStandIn } from './ai-stand-ins.ts';
import type { TRunningStandIn } from './stand-in.ts';

// Every model the catalog sells, run through the sandbox exactly as `npm run sandbox` configures it: the AI
// stand-ins started by their own entry, the gateway built from the variables they hand the app, with the
// default routes. A model without a working route there, or one whose route answers with the wrong kind of
// output (a picture for a video), fails here before a user of the sandbox meets it.

let standIn: TRunningStandIn<unknown>;
let redis: TestRedis;

before(async () => {
  standIn = await aiStandIn.start({ appUrl: 'http://127.0.0.1:9', port: () => 0 });
  redis = await createTestRedis();
});
after(async () => {
  await standIn?.close();
  await redis?.cleanup();
});

/** The gateway as the app builds it from the stand-ins' variables; `routes` stands for an AI_ROUTES value. */
function gatewayOf(routes?: Record<string, TRoute[]>): TAiGateway {
  return createConfiguredAiGateway({
    env: {
      AI_PROVIDERS: ZAiProvidersEnvSchema.parse(standIn.env.AI_PROVIDERS),
      AI_ROUTES: ZAiRoutesEnvSchema.parse(routes ? JSON.stringify(routes) : standIn.env.AI_ROUTES),
      REDIS_PREFIX: redis.prefix,
    },
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'catalog-walk' }),
  });
}

/** What each catalog `output` must look like, judged by the bytes alone (whatever type the provider claims). */
const OUTPUT_CHECKS: Record<TCatalogModel['output'], (bytes: Buffer) => boolean> = {
  text: (bytes) => bytes.toString('utf8').trim().length > 0,
  image: (b) =>
    b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) ||
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
    (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP'),
  video: (b) => b.toString('latin1', 4, 8) === 'ftyp',
  audio: (b) =>
    (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE') ||
    b.toString('latin1', 0, 3) === 'ID3' ||
    (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) ||
    b.toString('latin1', 0, 4) === 'OggS',
  svg: (b) => /<svg[\s>]/.test(b.subarray(0, 4096).toString('utf8')),
};

const PROMPT = 'a lighthouse at dusk';
const inputPhoto = () => ({
  bytes: renderPromptImage('catalog walk input', 64, 48),
  mimeType: 'image/png',
  name: 'photo.png',
  role: 'image',
});

async function pollUntilDone(ai: TAiGateway, provider: string, jobId: string): Promise<TBinaryOutput[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await ai.poll(provider, jobId);
    if (state.state === 'succeeded') return state.output;
    assert.notEqual(state.state, 'failed', `the job failed: ${state.state === 'failed' && state.reason}`);
    assert.ok(Date.now() < deadline, 'the job did not finish within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The model's operation as the app performs it (run-generation, run-chat-turn, the voice features). */
async function perform(ai: TAiGateway, model: TCatalogModel): Promise<Buffer> {
  const operation = operationOf(model);
  if (operation === 'chat') {
    let text = '';
    for await (const chunk of ai.streamChat(model.id, [{ role: 'user', content: 'Say hello.' }]))
      if (chunk.type === 'delta') text += chunk.text;
    return Buffer.from(text);
  }
  if (operation === 'transcribe') {
    const wav = encodeWav(sineTone({ frequency: 440, seconds: 1, sampleRate: 16_000 }));
    return Buffer.from(await ai.transcribe({ audio: wav, fileName: 'voice.wav' }));
  }
  if (operation === 'speech') return (await ai.speak({ text: 'Hello there.' })).bytes;
  const rules = generationRules(model.id);
  assert.ok(rules, `${model.id} runs as a generation job`);
  const submitted = await ai.submit(model.id, {
    prompt: rules.prompt.use === 'none' ? '' : PROMPT,
    params: toProviderParams(model.kind, rules.params.parse({})),
    inputs: rules.inputImage ? [inputPhoto()] : undefined,
  });
  const output = submitted.output ?? (await pollUntilDone(ai, submitted.provider, submitted.jobId));
  const first = output[0];
  assert.ok(first, 'the job gave an output');
  return first.bytes;
}

async function walk(ai: TAiGateway, model: TCatalogModel): Promise<void> {
  assert.ok(ai.serves(model.id), `no configured provider serves ${model.id}`);
  const bytes = await perform(ai, model);
  assert.ok(bytes.length > 0, 'the output is not empty');
  const head = bytes.subarray(0, 16).toString('hex');
  assert.ok(OUTPUT_CHECKS[model.output](bytes), `a ${model.output} was asked, the bytes begin ${head}`);
}

test('every catalog model has a working route in the sandbox and answers with its kind of output', async (t) => {
  const ai = gatewayOf();
  await Promise.all(
    MODEL_CATALOG.map((model) =>
      t.test(`${model.id} (${operationOf(model)} → ${model.output})`, () => walk(ai, model)),
    ),
  );
});

test('every fallback route works in the sandbox too, each on its own', async (t) => {
  const fallbacks = MODEL_CATALOG.flatMap((model) =>
    (DEFAULT_ROUTES[model.id] ?? []).slice(1).map((route) => ({ model, route })),
  );
  assert.ok(fallbacks.length > 0);
  await Promise.all(
    fallbacks.map(({ model, route }) =>
      t.test(`${model.id} via ${route.provider} ${route.model}`, () =>
        walk(gatewayOf({ [model.id]: [route] }), model),
      ),
    ),
  );
});
