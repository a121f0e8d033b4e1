import {
  generationRules,
  IMAGE_SIZES,
  TTS_VOICES,
  VIDEO_ASPECTS,
  videoSecondsOf,
} from '#core/ai/generation/generation-rules.ts';
import type { TModelOption, TParamValue, TStudioModel } from '#server/contracts/studio.ts';

/** The choices of each option a generating model takes; the defaults come from the rules themselves. */
function valuesOf(modelId: string, option: string): readonly TParamValue[] | null {
  switch (option) {
    case 'size':
      return IMAGE_SIZES;
    case 'seconds':
      return videoSecondsOf(modelId);
    case 'aspect':
      return VIDEO_ASPECTS;
    case 'voice':
      return TTS_VOICES;
    case 'instrumental':
      return [false, true];
    case 'scale':
      return [2, 4];
    default:
      return null;
  }
}

/**
 * What the generate page asks for with a model, from the rules acceptGeneration checks: parsing no options
 * gives every option with its default, so a new option in the rules shows up here (or fails the test that
 * checks every default has its list of choices).
 */
export function generationOf(modelId: string): TStudioModel['generation'] {
  const rules = generationRules(modelId);
  if (!rules) return null;
  const defaults = rules.params.parse({});
  const options: TModelOption[] = [];
  for (const [name, fallback] of Object.entries(defaults)) {
    const values = valuesOf(modelId, name);
    if (values) options.push({ name, values: [...values], default: fallback });
  }
  return {
    prompt: rules.prompt.use,
    promptMax: rules.prompt.max,
    inputImage: rules.inputImage,
    options,
  };
}
