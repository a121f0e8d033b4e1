import type { TCatalogModel } from '#core/ai/model-catalog.ts';

/** One way to serve a catalog model: a configured provider and the model id it knows. */
export interface TRoute {
  provider: string;
  model: string;
}

/**
 * What a provider is asked to do for a model. The OpenAI flavour has a distinct API for each; the prediction
 * flavour runs every job the same way (create → poll → output).
 */
export type TOperation = 'chat' | 'image' | 'image-edit' | 'video' | 'music' | 'transcribe' | 'speech';

const OPERATIONS_BY_TYPE: Record<'openai' | 'prediction', ReadonlySet<TOperation>> = {
  openai: new Set(['chat', 'image', 'image-edit', 'video', 'transcribe', 'speech']),
  prediction: new Set(['image', 'image-edit', 'video', 'music']),
};

export const supportsOperation = (type: 'openai' | 'prediction', operation: TOperation): boolean =>
  OPERATIONS_BY_TYPE[type].has(operation);

// Whisper and TTS are audio models the gateway reaches through transcribe() / speak(), not submit().
const SPEECH_MODELS: Record<string, TOperation> = { whisper: 'transcribe', tts: 'speech' };

export function operationOf(model: TCatalogModel): TOperation {
  const speech = SPEECH_MODELS[model.id];
  if (speech) return speech;
  switch (model.kind) {
    case 'text':
      return 'chat';
    case 'image':
      return 'image';
    case 'video':
      return 'video';
    case 'audio':
      return 'music';
    case 'tool':
      return 'image-edit';
  }
}

const openai = (model: string): TRoute => ({ provider: 'openai', model });
const gateway = (model: string): TRoute => ({ provider: 'gateway', model });
const replicate = (model: string): TRoute => ({ provider: 'replicate', model });

/**
 * The routes used when AI_ROUTES does not name a model: first is primary, the rest fallbacks. Provider names
 * are the ones .env.example configures (`openai`, `gateway` for an OpenAI-compatible multi-model gateway,
 * `replicate` for the prediction API); a route whose provider is not configured is skipped.
 */
export const DEFAULT_ROUTES: Readonly<Record<string, TRoute[]>> = {
  'gpt-4o': [openai('gpt-4o'), gateway('openai/gpt-4o')],
  'gpt-4o-mini': [openai('gpt-4o-mini'), gateway('openai/gpt-4o-mini')],
  deepseek: [gateway('deepseek/deepseek-chat')],
  'gemini-pro': [gateway('google/gemini-2.5-pro')],
  'claude-sonnet': [gateway('anthropic/claude-sonnet-4.5')],
  'nano-banana': [gateway('google/gemini-2.5-flash-image'), replicate('google/nano-banana')],
  'dall-e-3': [openai('dall-e-3')],
  midjourney: [replicate('midjourney/v7')],
  'stable-diffusion': [replicate('stability-ai/stable-diffusion-3.5-large')],
  recraft: [replicate('recraft-ai/recraft-v3')],
  'sora-2': [openai('sora-2')],
  'veo-3.1': [replicate('google/veo-3.1')],
  'midjourney-video': [replicate('midjourney/video-v1')],
  hailuo: [replicate('minimax/hailuo-02')],
  luma: [replicate('luma/ray-2-720p')],
  kling: [replicate('kwaivgi/kling-v2.1')],
  upscale: [replicate('nightmareai/real-esrgan')],
  'remove-background': [replicate('851-labs/background-remover')],
  'replace-background': [replicate('bria/generate-background')],
  vectorize: [replicate('recraft-ai/recraft-vectorize')],
  suno: [replicate('suno-ai/suno-v4.5')],
  whisper: [openai('whisper-1')],
  tts: [openai('tts-1')],
};
