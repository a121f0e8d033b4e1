import { generationRules, type TGenerationRules } from '#core/ai/generation/generation-rules.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { MaterialKind } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

/** Titles show in the bot's /tasks buttons, which a phone cuts after about 30–40 characters. */
export const TASK_TITLE_MAX = 80;

/**
 * Materials per kind. Providers take one file per input role: Replicate-style models read `video`,
 * `audio` and `image` inputs, OpenAI's Videos API one `input_reference` image. A second file of a kind would
 * be dropped upstream without a word, so it is refused here; replacing the material is how to change it.
 */
export const MATERIAL_LIMITS: Readonly<Record<MaterialKind, number>> = { video: 1, audio: 1, image: 1 };

export const MATERIAL_KINDS: readonly MaterialKind[] = ['video', 'audio', 'image'];

export const isMaterialKind = (kind: string): kind is MaterialKind =>
  (MATERIAL_KINDS as readonly string[]).includes(kind);

/** How many runs a task page shows; older ones stay in ai_requests (usage, stats). */
export const TASK_RUNS_SHOWN = 20;

/** Tasks the list returns; nobody scrolls a phone screen further than this. */
export const TASK_LIST_MAX = 100;

/**
 * What a video model accepts, from the same rules acceptGeneration applies: a task saved with these
 * parameters and this prompt is one the generation engine will take. MODEL_NOT_FOUND for an unknown id,
 * INVALID_INPUT `not_video_model` for a model of another kind.
 */
export function videoRules(modelId: string): TGenerationRules {
  const rules = generationRules(modelId);
  if (!rules) {
    if (!findCatalogModel(modelId)) throw new AppError('MODEL_NOT_FOUND', { modelId });
    throw new AppError('INVALID_INPUT', { reason: 'not_video_model' });
  }
  if (rules.kind !== 'video') throw new AppError('INVALID_INPUT', { reason: 'not_video_model' });
  return rules;
}

/** Whitespace collapsed, cut to the limit; an empty title is refused. */
export function cleanTaskTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length === 0) throw new AppError('INVALID_INPUT', { reason: 'title_required' });
  return [...title].slice(0, TASK_TITLE_MAX).join('');
}

/** The prompt as stored: trimmed, at most what the model takes. Empty is allowed until the task runs. */
export function cleanTaskPrompt(rules: TGenerationRules, raw: string): string {
  const prompt = raw.trim();
  if (prompt.length > rules.prompt.max)
    throw new AppError('INVALID_INPUT', { reason: 'prompt_too_long', max: rules.prompt.max });
  return prompt;
}

/** Parameters with the model's defaults filled in (duration, aspect ratio); unknown keys are refused. */
export function cleanTaskParams(
  rules: TGenerationRules,
  raw: Record<string, unknown> | undefined,
): Record<string, string | number | boolean> {
  const parsed = rules.params.safeParse(raw ?? {});
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', { reason: 'params', issue: parsed.error.issues[0]?.message ?? '' });
  return parsed.data;
}
