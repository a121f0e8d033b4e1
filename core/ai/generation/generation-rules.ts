import { z } from 'zod';
import { findCatalogModel, type TCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiKind } from '#core/db/generated/client.ts';

/** The kinds that run as jobs of the `ai` queue; text (chat) runs in the app process. */
export const GENERATION_KINDS = ['image', 'video', 'audio', 'tool'] as const satisfies readonly AiKind[];
export type TGenerationKind = (typeof GENERATION_KINDS)[number];

type TParamValue = string | number | boolean;

export interface TGenerationRules {
  model: TCatalogModel;
  kind: TGenerationKind;
  /** `required`: the prompt is the request (image, video, music, speech, a new background); `none`: ignored. */
  prompt: { use: 'required' | 'none'; max: number };
  /** A photo to work on (the photo tools). */
  inputImage: boolean;
  /** Options of this model, with defaults: the parsed value is canonical, so it feeds the cache key. */
  params: z.ZodType<Record<string, TParamValue>, Record<string, unknown>>;
}

export const IMAGE_SIZES = ['1024x1024', '1792x1024', '1024x1792'] as const;
export const VIDEO_ASPECTS = ['16:9', '9:16'] as const;
/** Clip lengths the models take: Sora 2 renders 4, 8 or 12 s (OpenAI's Videos API); the others 5 or 10. */
export const videoSecondsOf = (modelId: string): readonly number[] =>
  modelId === 'sora-2' ? [4, 8, 12] : [5, 10];
export const TTS_VOICES = ['alloy', 'echo', 'fable', 'nova', 'onyx', 'shimmer'] as const;

const ZImageParamsSchema = z.strictObject({ size: z.enum(IMAGE_SIZES).default('1024x1024') });
const videoParams = (modelId: string) => {
  const seconds = videoSecondsOf(modelId);
  return z.strictObject({
    seconds: z
      .number()
      .int()
      .refine((s) => seconds.includes(s), `one of ${seconds.join(', ')}`)
      .default(seconds[0] ?? 5),
    aspect: z.enum(VIDEO_ASPECTS).default('16:9'),
  });
};
const ZMusicParamsSchema = z.strictObject({ instrumental: z.boolean().default(false) });
const ZSpeechParamsSchema = z.strictObject({ voice: z.enum(TTS_VOICES).default('alloy') });
const ZUpscaleParamsSchema = z.strictObject({ scale: z.union([z.literal(2), z.literal(4)]).default(2) });
const ZNoParamsSchema = z.strictObject({});

// Upstream limits: DALL·E 3 and Sora take 4,000 characters of prompt, OpenAI speech 4,096 of input. A
// Telegram message holds 4,096, so a prompt typed in the bot always fits; 2,000 keeps captions readable.
const PROMPT_MAX = 2_000;
const SPEECH_MAX = 4_096;
const BACKGROUND_MAX = 1_000;

/**
 * What a generating model accepts; null for models that do not run as generation jobs (text models, and
 * Whisper, whose transcripts belong to chat).
 */
export function generationRules(modelId: string): TGenerationRules | null {
  const model = findCatalogModel(modelId);
  if (!model || model.kind === 'text' || model.output === 'text') return null;
  const kind = model.kind;
  const rules = (
    prompt: TGenerationRules['prompt'],
    params: TGenerationRules['params'],
    inputImage = false,
  ): TGenerationRules => ({ model, kind, prompt, inputImage, params });
  const described = { use: 'required', max: PROMPT_MAX } as const;
  if (kind === 'image') return rules(described, ZImageParamsSchema);
  if (kind === 'video') return rules(described, videoParams(model.id));
  if (model.id === 'tts') return rules({ use: 'required', max: SPEECH_MAX }, ZSpeechParamsSchema);
  if (kind === 'audio') return rules(described, ZMusicParamsSchema);
  if (model.id === 'upscale') return rules({ use: 'none', max: 0 }, ZUpscaleParamsSchema, true);
  if (model.id === 'replace-background')
    return rules({ use: 'required', max: BACKGROUND_MAX }, ZNoParamsSchema, true);
  return rules({ use: 'none', max: 0 }, ZNoParamsSchema, true);
}

export const isGenerationKind = (kind: AiKind): kind is TGenerationKind =>
  (GENERATION_KINDS as readonly AiKind[]).includes(kind);
