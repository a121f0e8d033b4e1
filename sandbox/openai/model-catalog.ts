// The models the stand-in answers for. Requests naming any other model get OpenAI's 404
// `model_not_found`, so a typo in configuration fails in tests as it would in production.
// The stand-in does not check that a model fits the endpoint (a chat request to whisper-1 works).

export const DEFAULT_MODELS: readonly string[] = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'o4-mini',
  'gpt-image-1',
  'gpt-image-1-mini',
  'dall-e-2',
  'dall-e-3',
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'tts-1',
  'tts-1-hd',
  'gpt-4o-mini-tts',
  'sora-2',
  'sora-2-pro',
];

// A fixed date keeps GET /v1/models byte-for-byte stable between runs.
const CREATED = 1_700_000_000;

export function modelJson(id: string) {
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: id.startsWith('gpt') || id.startsWith('o') ? 'system' : 'openai',
  };
}
