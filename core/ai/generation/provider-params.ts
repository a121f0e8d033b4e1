type TParamValue = string | number | boolean;

const ASPECT_OF_SIZE: Record<string, string> = {
  '1024x1024': '1:1',
  '1792x1024': '16:9',
  '1024x1792': '9:16',
};
const VIDEO_SIZE_OF_ASPECT: Record<string, string> = { '16:9': '1280x720', '9:16': '720x1280' };

/**
 * The request's options in the names upstream APIs read. Which provider serves a model is configuration,
 * so every name both flavours understand is sent: the OpenAI adapter picks `size` and `seconds` (Images and
 * Videos APIs) and drops the rest; the prediction adapter forwards the whole object as the model's input,
 * where Replicate-style models read `aspect_ratio` and `duration` and ignore what they do not know.
 */
export function toProviderParams(
  kind: string,
  options: Record<string, TParamValue>,
): Record<string, TParamValue> {
  if (kind === 'image' && typeof options.size === 'string')
    return { ...options, aspect_ratio: ASPECT_OF_SIZE[options.size] ?? '1:1' };
  if (kind === 'video' && typeof options.aspect === 'string') {
    const { aspect, ...rest } = options;
    const size = VIDEO_SIZE_OF_ASPECT[aspect];
    return {
      ...rest,
      aspect_ratio: aspect,
      ...(size && { size }),
      ...(options.seconds !== undefined && { duration: options.seconds }),
    };
  }
  return options;
}
