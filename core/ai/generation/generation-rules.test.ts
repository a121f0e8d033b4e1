import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generationCacheKey } from './cache-key.ts';
import { resultFileKind, resultFileName } from './generation-output.ts';
import { generationRules } from './generation-rules.ts';
import { toProviderParams } from './provider-params.ts';
import { progressBar } from './status-text.ts';

test('only image, video, audio output and tool models are generation jobs', () => {
  assert.equal(generationRules('gpt-4o'), null);
  assert.equal(generationRules('whisper'), null, 'transcripts belong to chat');
  assert.equal(generationRules('nope'), null);
  assert.equal(generationRules('tts')?.prompt.max, 4_096);
  assert.equal(generationRules('upscale')?.inputImage, true);
  assert.equal(generationRules('upscale')?.prompt.use, 'none');
  assert.equal(generationRules('replace-background')?.prompt.use, 'required');
  assert.deepEqual(generationRules('kling')?.params.parse({}), { seconds: 5, aspect: '16:9' });
  assert.deepEqual(generationRules('sora-2')?.params.parse({}), { seconds: 4, aspect: '16:9' });
  assert.equal(generationRules('sora-2')?.params.safeParse({ seconds: 10 }).success, false);
});

test('the cache key ignores parameter order and changes with anything that changes the result', () => {
  const base = {
    modelId: 'dall-e-3',
    params: { size: '1024x1024', style: 'vivid' },
    prompt: 'fox',
    inputHashes: [],
  };
  const key = generationCacheKey(base);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(generationCacheKey({ ...base, params: { style: 'vivid', size: '1024x1024' } }), key);
  assert.notEqual(generationCacheKey({ ...base, prompt: 'fox ' }), key);
  assert.notEqual(generationCacheKey({ ...base, modelId: 'midjourney' }), key);
  assert.notEqual(generationCacheKey({ ...base, params: { size: '1792x1024', style: 'vivid' } }), key);
  assert.notEqual(generationCacheKey({ ...base, inputHashes: ['ab'] }), key);
});

test('options reach both API flavours under the names they read', () => {
  assert.deepEqual(toProviderParams('image', { size: '1792x1024' }), {
    size: '1792x1024',
    aspect_ratio: '16:9',
  });
  assert.deepEqual(toProviderParams('video', { seconds: 8, aspect: '9:16' }), {
    seconds: 8,
    duration: 8,
    aspect_ratio: '9:16',
    size: '720x1280',
  });
  assert.deepEqual(toProviderParams('audio', { voice: 'nova' }), { voice: 'nova' });
});

test('results: an SVG is stored as an image, named by model and request', () => {
  assert.equal(resultFileKind('image/svg+xml'), 'image');
  assert.equal(resultFileKind('video/mp4; codecs=avc1'), 'video');
  assert.equal(resultFileKind('audio/wav'), 'audio');
  assert.equal(resultFileName('vectorize', 42n, 'image/svg+xml'), 'vectorize-42.svg');
  assert.equal(progressBar(0), '▱▱▱▱▱▱▱▱▱▱');
  assert.equal(progressBar(45), '▰▰▰▰▰▱▱▱▱▱');
  assert.equal(progressBar(100), '▰▰▰▰▰▰▰▰▰▰');
});
