/** OpenAI's speech endpoint takes at most 4096 characters of input. */
export const SPEECH_INPUT_MAX = 4_096;

/**
 * A reply as it should be read aloud: Markdown markers, code fences and link targets removed, whitespace
 * tidied. Longer than the speech limit, it is cut at the last sentence (or word) end that fits.
 */
export function speechText(markdown: string): { text: string; truncated: boolean } {
  const plain = markdown
    .replace(/^\s*(```|~~~)[^\n]*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^(\s*)[-*+]\s+/gm, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[\s(])[*_](\S[^*_\n]*?\S|\S)[*_](?=[\s).,!?:;]|$)/gm, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (plain.length <= SPEECH_INPUT_MAX) return { text: plain, truncated: false };
  const head = plain.slice(0, SPEECH_INPUT_MAX);
  const sentence = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
    head.lastIndexOf('\n'),
  );
  const cut =
    sentence > SPEECH_INPUT_MAX / 2 ? sentence + 1 : Math.max(head.lastIndexOf(' '), SPEECH_INPUT_MAX / 2);
  return { text: head.slice(0, cut).trim(), truncated: true };
}
