// Which kind of output a model gives and how it behaves. Models need no registration: the kind is
// guessed from the name (video model names such as "video", "kling", "hailuo", "veo", "luma/ray" →
// video; a photo tool's name → that tool; "vector"/"svg" → vectorize; "audio", "music", "suno",
// "tts", "speech", "voice" → audio; anything else → image), and the version id is a SHA-256 of the
// name, 64 hex digits like Replicate's. `models` in the options overrides any of it per model.
import { createHash } from 'node:crypto';

export type TModelKind = 'image' | 'video' | 'audio' | 'vectorize';

/** Models that work on an input picture (`image`) rather than make one from a prompt. */
export const MODEL_TOOLS = ['upscale', 'remove-background', 'replace-background', 'vectorize'] as const;
export type TModelTool = (typeof MODEL_TOOLS)[number];

export const isModelTool = (name: string): name is TModelTool =>
  (MODEL_TOOLS as readonly string[]).includes(name);

export type TModelSpec = {
  kind?: TModelKind;
  /** What the model does to its input picture; default guessed from the name. */
  tool?: TModelTool;
  /** The version id that `version` may name; default derived from the model name. */
  version?: string;
  /** From creation to a final status; default from `defaults`. */
  delayMs?: number;
  /** 0..1, drawn from the stand-in's seeded random sequence. */
  failureRate?: number;
  /** `array` (Replicate's image models) or `single` (one URL, as video, audio and photo tools give). */
  output?: 'single' | 'array';
};

export type TResolvedModel = Required<Omit<TModelSpec, 'tool'>> & {
  name: string;
  tool: TModelTool | undefined;
};

export type TModelDefaults = { delayMs: number; failureRate: number };

const VIDEO_NAME = /video|kling|hailuo|(^|\/)veo|luma\/ray|(^|\/)ray-|sora|seedance|wan-2/;
const TOOL_NAMES: [RegExp, TModelTool][] = [
  [/esrgan|upscal|super-?resolution|swinir/, 'upscale'],
  [/background-remov|remove-?(bg|background)|rembg|(^|\/)bg-remov/, 'remove-background'],
  [/(generate|replace|change)-?background/, 'replace-background'],
  [/vector|svg/, 'vectorize'],
];

export function guessTool(name: string): TModelTool | undefined {
  const lower = name.toLowerCase();
  // A video upscaler is a video model, not the photo tool.
  if (VIDEO_NAME.test(lower)) return undefined;
  return TOOL_NAMES.find(([pattern]) => pattern.test(lower))?.[1];
}

export function guessKind(name: string): TModelKind {
  const lower = name.toLowerCase();
  if (VIDEO_NAME.test(lower)) return 'video';
  const tool = guessTool(name);
  if (tool) return kindOfTool(tool);
  if (/audio|music|suno|song|lyria|riffusion|tts|speech|voice/.test(lower)) return 'audio';
  return 'image';
}

export const kindOfTool = (tool: TModelTool): TModelKind => (tool === 'vectorize' ? 'vectorize' : 'image');

export function defaultVersion(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function resolveModel(
  name: string,
  spec: TModelSpec | undefined,
  defaults: TModelDefaults,
): TResolvedModel {
  const guessedTool = guessTool(name);
  const kind = spec?.kind ?? (spec?.tool ? kindOfTool(spec.tool) : guessKind(name));
  // A declared kind that the guessed tool does not make wins over the guess; a vectorizer always traces.
  const tool =
    spec?.tool ??
    (guessedTool && kindOfTool(guessedTool) === kind ? guessedTool : undefined) ??
    (kind === 'vectorize' ? 'vectorize' : undefined);
  return {
    name,
    kind,
    tool,
    version: spec?.version ?? defaultVersion(name),
    delayMs: spec?.delayMs ?? defaults.delayMs,
    failureRate: spec?.failureRate ?? defaults.failureRate,
    output: spec?.output ?? (kind === 'image' && tool === undefined ? 'array' : 'single'),
  };
}
