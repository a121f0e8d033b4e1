import { createHash } from 'node:crypto';

type TParamValue = string | number | boolean;

/**
 * The result cache's key: sha256 over the model, its parameters (keys sorted, so the order a client sent them
 * in does not matter; defaults already applied, so "size omitted" and "size 1024x1024" are one request), the
 * prompt, and the content hashes of the input files (the same photo uploaded twice is the same input).
 */
export function generationCacheKey(input: {
  modelId: string;
  params: Record<string, TParamValue>;
  prompt: string;
  inputHashes: readonly string[];
}): string {
  const params = Object.keys(input.params)
    .sort()
    .map((key) => [key, input.params[key]]);
  const canonical = JSON.stringify([input.modelId, params, input.prompt, [...input.inputHashes]]);
  return createHash('sha256').update(canonical).digest('hex');
}
