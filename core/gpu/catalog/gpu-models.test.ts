import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedValue, GPU_MODEL_IDS, GPU_MODELS, gpuModel } from './gpu-models.ts';

test('every model id has exactly one entry, and only "other" lacks figures', () => {
  assert.deepEqual(
    GPU_MODELS.map((m) => m.id),
    [...GPU_MODEL_IDS],
  );
  for (const m of GPU_MODELS) {
    const known = m.id !== 'other';
    assert.equal(m.vramGb.length > 0, known, `${m.id} vram`);
    assert.equal(m.cudaCores.length > 0, known, `${m.id} cores`);
    if (m.vramGb.length > 1 || m.cudaCores.length > 1) assert.ok(m.variants, `${m.id} explains its variants`);
  }
});

test('the well-known figures: fixed where the model has one, variants otherwise', () => {
  assert.equal(fixedValue(gpuModel('rtx-4090').vramGb), 24);
  assert.equal(fixedValue(gpuModel('rtx-4090').cudaCores), 16_384);
  assert.equal(fixedValue(gpuModel('a100-80gb').vramGb), 80);
  assert.equal(fixedValue(gpuModel('h200').vramGb), 141);
  assert.equal(fixedValue(gpuModel('h100').cudaCores), null);
  assert.deepEqual(gpuModel('v100').vramGb, [16, 32]);
  assert.equal(fixedValue(gpuModel('v100').cudaCores), 5_120);
});
