/** The model a new dialog starts with: the cheapest text model, and the one subscribers keep at zero balance. */
export const DEFAULT_DIALOG_MODEL = 'gpt-4o-mini';

/** Titles show on inline buttons, which Telegram cuts after about 30–40 characters on a phone. */
export const DIALOG_TITLE_MAX = 64;

/** A system prompt is sent with every request of the dialog, so it is kept well inside any context window. */
export const SYSTEM_PROMPT_MAX = 4_000;

/** A dialog named after its first message gets this much of it. */
export const AUTO_TITLE_CHARS = 40;

/** Whitespace collapsed and cut to the limit; an empty result is refused. */
export function cleanTitle(raw: string): string | null {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length === 0) return null;
  return [...title].slice(0, DIALOG_TITLE_MAX).join('');
}

/** The start of a first message as a title: whole words where possible, with an ellipsis when cut. */
export function titleFromMessage(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= AUTO_TITLE_CHARS) return flat;
  const head = chars.slice(0, AUTO_TITLE_CHARS).join('');
  const space = head.lastIndexOf(' ');
  return `${space > AUTO_TITLE_CHARS / 2 ? head.slice(0, space) : head}…`;
}
