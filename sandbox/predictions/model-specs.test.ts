import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { DEFAULT_ROUTES } from '#core/ai/providers/provider-routes.ts';
import { guessKind, resolveModel } from './model-specs.ts';

const DEFAULTS = { delayMs: 10, failureRate: 0 };

test("a stand-in started without specs guesses every default route's model from its name", () => {
  const replicate = Object.entries(DEFAULT_ROUTES).flatMap(([id, routes]) =>
    routes.filter((r) => r.provider === 'replicate').map((r) => ({ id, model: r.model })),
  );
  const expected = (id: string) => {
    const catalog = findCatalogModel(id);
    if (catalog?.output === 'svg') return { kind: 'vectorize', tool: 'vectorize' };
    if (catalog?.kind === 'tool') return { kind: 'image', tool: id };
    return { kind: catalog?.kind, tool: undefined };
  };
  for (const { id, model } of replicate) {
    const resolved = resolveModel(model, undefined, DEFAULTS);
    assert.deepEqual({ kind: resolved.kind, tool: resolved.tool }, expected(id), `${id}: ${model}`);
  }
});

test('video model names are video, a video upscaler included; a photo tool answers one URL', () => {
  for (const name of [
    'kwaivgi/kling-v2.1',
    'minimax/hailuo-02',
    'luma/ray-2-720p',
    'google/veo-3.1',
    'openai/sora-2',
  ])
    assert.equal(guessKind(name), 'video', name);
  assert.equal(resolveModel('topazlabs/video-upscale', undefined, DEFAULTS).tool, undefined);
  assert.equal(resolveModel('nightmareai/real-esrgan', undefined, DEFAULTS).output, 'single');
  assert.equal(resolveModel('black-forest-labs/flux-schnell', undefined, DEFAULTS).output, 'array');
});

test('a declared kind or tool wins over the name', () => {
  assert.deepEqual(pick(resolveModel('acme/converter', { kind: 'vectorize' }, DEFAULTS)), {
    kind: 'vectorize',
    tool: 'vectorize',
  });
  assert.deepEqual(pick(resolveModel('acme/enhancer', { tool: 'upscale' }, DEFAULTS)), {
    kind: 'image',
    tool: 'upscale',
  });
  assert.deepEqual(pick(resolveModel('acme/esrgan-video', { kind: 'video' }, DEFAULTS)), {
    kind: 'video',
    tool: undefined,
  });
});

const pick = (m: { kind: string; tool: string | undefined }) => ({ kind: m.kind, tool: m.tool });
