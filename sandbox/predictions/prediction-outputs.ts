// The files a finished prediction links to, by model kind: PNG images (one per `num_outputs`,
// sized by `width`/`height` or `aspect_ratio`), the stand-in MP4 for video, a WAV for audio (a tune
// from melody-audio.ts for music models, `duration` seconds or Suno's 30; a tone as long as the text
// would take to say for speech models). Photo tools work on their input picture instead
// (makeToolOutputs): an upscaled PNG, a cut-out PNG with alpha, the cut-out over a new background,
// or an SVG traced from it. Contents follow the model and input, so equal requests give equal files.
//
// Simplification: images are PNG whatever `output_format` asks (Replicate often sends WebP).
import { canonicalJson } from '#sandbox/http-stand-in/http-basics.ts';
import type { ServedFiles } from '#sandbox/http-stand-in/served-files.ts';
import { MAX_IMAGE_SIDE, renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { speechSeconds } from '#sandbox/openai/speech-audio.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import { readInputImage } from './input-image.ts';
import { renderMelody } from './melody-audio.ts';
import type { TModelTool, TResolvedModel } from './model-specs.ts';
import { removeBackground, replaceBackground, upscaleImage } from './photo-tools.ts';
import { traceVectorImage } from './vector-image.ts';

export type TOutputContext = {
  files: ServedFiles;
  fileUrl(id: string): string;
  videoBytes: Buffer;
  /** Ends input downloads when the stand-in closes. */
  closing: AbortSignal;
};

const DEFAULT_SIDE = 1024;
const MAX_OUTPUTS = 4;
const MAX_AUDIO_SECONDS = 300;
/** Suno's clips; MusicGen's default is shorter, but a stand-in song should be long enough to hear. */
const DEFAULT_MUSIC_SECONDS = 30;
const AUDIO_SAMPLE_RATE = 24_000;
const REAL_ESRGAN_DEFAULT_SCALE = 4;
// Audio models that read text aloud rather than make music.
const SPEECH_NAME = /tts|speech|voice|bark|kokoro/i;

/** The outputs of a model that makes something from its prompt (no `tool`). */
export function makeOutputs(
  ctx: TOutputContext,
  model: TResolvedModel,
  input: Record<string, unknown>,
): string[] {
  const seed = `${model.name}\n${canonicalJson(input)}`;
  const add = adder(ctx);
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
      const asked = numberField(input, 'duration');
      const speech = SPEECH_NAME.test(model.name);
      const seconds = Math.min(
        MAX_AUDIO_SECONDS,
        asked ?? (speech ? speechSeconds(text) : DEFAULT_MUSIC_SECONDS),
      );
      const pcm = speech
        ? sineTone({ frequency: 330, seconds, sampleRate: AUDIO_SAMPLE_RATE })
        : renderMelody({ seed, seconds, sampleRate: AUDIO_SAMPLE_RATE });
      return [add(encodeWav(pcm, spokenTextMarker(text)), 'audio/wav', 'wav')];
    }
    case 'vectorize':
      throw new Error(`${model.name}: a vectorize model traces its input (makeToolOutputs)`);
  }
}

/** The outputs of a photo tool, made from its input picture; a ModelRunError when it cannot be read. */
export async function makeToolOutputs(
  ctx: TOutputContext,
  tool: TModelTool,
  input: Record<string, unknown>,
): Promise<string[]> {
  // refuseToolInput has made sure one of them is a URI.
  const image = await readInputImage(String(input.image ?? input.image_url), ctx.closing);
  const add = adder(ctx);
  switch (tool) {
    case 'upscale': {
      const scale = numberField(input, 'scale') ?? REAL_ESRGAN_DEFAULT_SCALE;
      return [add(await upscaleImage(image, scale), 'image/png', 'png')];
    }
    case 'remove-background':
      return [add(await removeBackground(image), 'image/png', 'png')];
    case 'replace-background': {
      const prompt = stringField(input, 'bg_prompt') ?? stringField(input, 'prompt') ?? '';
      return [add(await replaceBackground(image, prompt), 'image/png', 'png')];
    }
    case 'vectorize':
      return [add(Buffer.from(await traceVectorImage(image)), 'image/svg+xml', 'svg')];
  }
}

const adder = (ctx: TOutputContext) => (bytes: Buffer, contentType: string, extension: string) =>
  ctx.fileUrl(ctx.files.add({ bytes, contentType }, extension));

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
