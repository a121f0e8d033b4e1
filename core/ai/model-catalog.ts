import type { AiKind } from '#core/db/generated/client.ts';

/**
 * Every AI model Polygram sells, with its token price per request: the one price list, from the AI-bot
 * spec. The `ai_models` table mirrors it (core/ai/models/sync-model-catalog.ts) so that admins can switch a model
 * off or re-price it without a deploy; the price here is the default a new row starts with.
 *
 * Which provider and upstream model serve an entry is configuration (core/ai/providers/provider-config.ts),
 * not part of the catalog: a model keeps its id and price when it moves to another provider.
 */
export interface TCatalogModel {
  id: string;
  kind: AiKind;
  /** What users see; brand names are not translated. */
  displayName: string;
  tokenPrice: bigint;
  /**
   * The text model subscribers keep at zero balance, without a limit (the spec: "unlimited GPT-4o mini
   * at zero balance for subscribers").
   */
  freeForSubscribers?: boolean;
  /** Tools that take an input picture (upscale, background) or audio (Whisper). */
  input?: 'image' | 'audio' | 'text';
  /** What the model returns: delivered as photo / video / audio / document / text. */
  output: 'text' | 'image' | 'video' | 'audio' | 'svg';
}

const text = (id: string, displayName: string, price: number, extra: Partial<TCatalogModel> = {}) =>
  ({ id, kind: 'text', displayName, tokenPrice: BigInt(price), output: 'text', ...extra }) as const;
const image = (id: string, displayName: string, price: number): TCatalogModel => ({
  id,
  kind: 'image',
  displayName,
  tokenPrice: BigInt(price),
  input: 'text',
  output: 'image',
});
const video = (id: string, displayName: string, price: number): TCatalogModel => ({
  id,
  kind: 'video',
  displayName,
  tokenPrice: BigInt(price),
  input: 'text',
  output: 'video',
});

export const MODEL_CATALOG: readonly TCatalogModel[] = [
  text('gpt-4o', 'GPT-4o', 1_000),
  text('gpt-4o-mini', 'GPT-4o mini', 250, { freeForSubscribers: true }),
  text('deepseek', 'DeepSeek', 800),
  text('gemini-pro', 'Gemini Pro', 900),
  text('claude-sonnet', 'Claude Sonnet', 1_200),
  image('nano-banana', 'Nano Banana', 6_380),
  image('dall-e-3', 'DALL·E 3', 8_000),
  image('midjourney', 'Midjourney', 12_000),
  image('stable-diffusion', 'Stable Diffusion', 5_000),
  image('recraft', 'Recraft', 7_000),
  video('sora-2', 'Sora 2', 50_000),
  video('veo-3.1', 'Veo 3.1', 45_000),
  video('midjourney-video', 'Midjourney Video', 55_000),
  video('hailuo', 'Hailuo', 40_000),
  video('luma', 'Luma', 42_000),
  video('kling', 'Kling', 38_000),
  {
    id: 'upscale',
    kind: 'tool',
    displayName: 'Upscale',
    tokenPrice: 3_000n,
    input: 'image',
    output: 'image',
  },
  {
    id: 'remove-background',
    kind: 'tool',
    displayName: 'Remove background',
    tokenPrice: 2_000n,
    input: 'image',
    output: 'image',
  },
  {
    id: 'replace-background',
    kind: 'tool',
    displayName: 'Replace background',
    tokenPrice: 3_500n,
    input: 'image',
    output: 'image',
  },
  {
    id: 'vectorize',
    kind: 'tool',
    displayName: 'Vectorize',
    tokenPrice: 4_000n,
    input: 'image',
    output: 'svg',
  },
  { id: 'suno', kind: 'audio', displayName: 'Suno', tokenPrice: 15_000n, input: 'text', output: 'audio' },
  {
    id: 'whisper',
    kind: 'audio',
    displayName: 'Whisper',
    tokenPrice: 1_000n,
    input: 'audio',
    output: 'text',
  },
  {
    id: 'tts',
    kind: 'audio',
    displayName: 'Text to speech',
    tokenPrice: 2_000n,
    input: 'text',
    output: 'audio',
  },
];

export function findCatalogModel(id: string): TCatalogModel | undefined {
  return MODEL_CATALOG.find((m) => m.id === id);
}
