// The stand-in "model": a reply that is a pure function of the request, so a test can read back what
// the model was given. The reply is
//
//   Echo (<model>): <text of the last user message>
//   Received <n> messages (system: <s>, user: <u>, assistant: <a>, tool: <t>, images: <i>).
//   System prompt: <first 200 characters of the system/developer text, whitespace collapsed>
//
// the third line only when there is a system or developer message. `n` counts every message, so a
// test tells a request with history (n > 2) from one without. A last user message containing
// `long:<N>` gets a reply of exactly N characters (the lines above, then numbered filler paragraphs),
// for testing message splitting; N is capped at MAX_LONG_REPLY.
import type { TMessageSummary } from './chat-messages.ts';

export const MAX_LONG_REPLY = 200_000;
const SYSTEM_PREVIEW_CHARS = 200;

export function composeChatReply(model: string, messages: readonly TMessageSummary[]): string {
  const count = (...roles: string[]) => messages.filter((m) => roles.includes(m.role)).length;
  const lastUser = messages.findLast((m) => m.role === 'user')?.text ?? '';
  const images = messages.reduce((sum, m) => sum + m.images, 0);
  const system = messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => m.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lines = [
    `Echo (${model}): ${lastUser}`,
    `Received ${messages.length} messages (system: ${count('system', 'developer')}, user: ${count('user')}, assistant: ${count('assistant')}, tool: ${count('tool', 'function')}, images: ${images}).`,
  ];
  if (count('system', 'developer') > 0) lines.push(`System prompt: ${system.slice(0, SYSTEM_PREVIEW_CHARS)}`);
  const reply = lines.join('\n');
  const wanted = /\blong:(\d+)\b/.exec(lastUser)?.[1];
  return wanted === undefined ? reply : padToLength(reply, Math.min(Number(wanted), MAX_LONG_REPLY));
}

/** Filler in paragraphs of whole sentences, so splitters have both paragraph and word breaks. */
function padToLength(head: string, length: number): string {
  if (length <= head.length) return head;
  let text = head;
  for (let paragraph = 1; text.length < length; paragraph++) {
    const sentences = Array.from(
      { length: 5 },
      (_, i) => `Paragraph ${paragraph}, sentence ${i + 1} of the stand-in's long reply.`,
    );
    text += `\n\n${sentences.join(' ')}`;
  }
  return text.slice(0, length);
}

/** OpenAI's rule of thumb: a token is about four characters of English text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Each message costs its text plus a few tokens of framing; a low-detail image costs 85. */
export function promptTokens(messages: readonly TMessageSummary[]): number {
  return messages.reduce((sum, m) => sum + 4 + estimateTokens(m.text) + 85 * m.images, 3);
}
