// The files a finished prediction links to, by model kind: PNG images (one per `num_outputs`,
// sized by `width`/`height` or `aspect_ratio`), the stand-in MP4 for video, a WAV tone for audio
// (as long as `duration` seconds, or as the text would take to say), an SVG for vectorize.
// Contents follow the model and input, so equal requests give equal files.
//
// Simplification: images are PNG whatever `output_format` asks (Replicate often sends WebP).
import { canonicalJson } from '#sandbox/http-stand-in/http-basics.ts';
import type { ServedFiles } from '#sandbox/http-stand-in/served-files.ts';
import { MAX_IMAGE_SIDE, renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { speechSeconds } from '#sandbox/openai/speech-audio.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import type { TResolvedModel } from './model-specs.ts';
import { renderVectorImage } from './vector-image.ts';

export type TOutputContext = { files: ServedFiles; fileUrl(id: string): string; videoBytes: Buffer };

const DEFAULT_SIDE = 1024;
const MAX_OUTPUTS = 4;

export function makeOutputs(
  ctx: TOutputContext,
  model: TResolvedModel,
  input: Record<string, unknown>,
): string[] {
  const seed = `${model.name}\n${canonicalJson(input)}`;
  const add = (bytes: Buffer, contentType: string, extension: string) =>
    ctx.fileUrl(ctx.files.add({ bytes, contentType }, extension));
  switch (model.kind) {
    case 'image': {
      const { width, height } = imageSize(input);
      const count = Math.min(MAX_OUTPUTS, Math.max(1, Math.floor(numberField(input, 'num_outputs') ?? 1)));
      return Array.from({ length: count }, (_, i) =>
        add(renderPromptImage(`${seed}\n#${i}`, width, height), 'image/png', 'png'),
      );
    }
    case 'video':
      return [add(ctx.videoBytes, 'video/mp4', 'mp4')];
    case 'audio': {
      const text = stringField(input, 'prompt') ?? stringField(input, 'text') ?? '';
      const seconds = Math.min(300, numberField(input, 'duration') ?? speechSeconds(text));
      const wav = encodeWav(
        sineTone({ frequency: 330, seconds, sampleRate: 24_000 }),
        spokenTextMarker(text),
      );
      return [add(wav, 'audio/wav', 'wav')];
    }
    case 'vectorize':
      return [add(Buffer.from(renderVectorImage(seed)), 'image/svg+xml', 'svg')];
  }
}

function imageSize(input: Record<string, unknown>): { width: number; height: number } {
  const clamp = (n: number) => Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.round(n)));
  const width = numberField(input, 'width');
  const height = numberField(input, 'height');
  if (width !== undefined || height !== undefined) {
    return { width: clamp(width ?? DEFAULT_SIDE), height: clamp(height ?? DEFAULT_SIDE) };
  }
  // `aspect_ratio` like "16:9": the longer side is DEFAULT_SIDE.
  const ratio = /^(\d+):(\d+)$/.exec(stringField(input, 'aspect_ratio') ?? '');
  const w = Number(ratio?.[1] ?? 1);
  const h = Number(ratio?.[2] ?? 1);
  if (w <= 0 || h <= 0) return { width: DEFAULT_SIDE, height: DEFAULT_SIDE };
  return w >= h
    ? { width: DEFAULT_SIDE, height: clamp((DEFAULT_SIDE * h) / w) }
    : { width: clamp((DEFAULT_SIDE * w) / h), height: DEFAULT_SIDE };
}

function numberField(input: Record<string, unknown>, name: string): number | undefined {
  const value = input[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringField(input: Record<string, unknown>, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}
