/**
 * Whether a provider said that its content rules refused a request. Only then is a failure the user's to
 * act on (reword the prompt, pick another photo); anything else is the model's or our configuration's
 * failure, and telling the user they broke a rule would be false. So this reads only what providers state.
 */

/**
 * OpenAI's codes: `content_policy_violation` (DALL·E), `moderation_blocked` (GPT image models as
 * `image_generation_user_error`, Sora jobs); `content_filter` is Azure OpenAI's and some gateways'.
 */
const REFUSAL_CODES = new Set(['content_policy_violation', 'moderation_blocked', 'content_filter']);

/**
 * How providers word it in a message or a failed prediction's error: "rejected as a result of our safety
 * system" (OpenAI), "NSFW content detected" (Stable Diffusion's checker), "flagged as sensitive (E005)"
 * (Google models on Replicate), "may contain sensitive information" (MiniMax), "advanced moderation failed"
 * (Luma), "violate … usage guidelines" (Vertex). Phrases, not single words: a "case-sensitive" parameter
 * error must not read as a refusal.
 */
const REFUSAL_TEXT =
  /\bnsfw\b|safety (system|filter|checker)|content (policy|filter|moderation|rules)|moderation (system|blocked|failed)|flagged (as|by|for)|sensitive (content|information|words|material)|usage (guidelines|policies)|\bunsafe\b/i;

export const isContentRefusalCode = (code: string | null | undefined): boolean =>
  code !== null && code !== undefined && REFUSAL_CODES.has(code);

export const saysContentRefused = (text: string | null | undefined): boolean =>
  text !== null && text !== undefined && REFUSAL_TEXT.test(text);
