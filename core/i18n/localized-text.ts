/**
 * A text to be said in the reader's language, decided by domain code that knows no language: a Fluent key
 * and its arguments, where an argument may itself be such a text (a product's title inside "Refund: …").
 * Plain data, so it crosses from core to a bot, an HTTP route or a test unchanged.
 */
export interface TLocalizedText {
  key: string;
  args?: Readonly<Record<string, string | number | TLocalizedText>>;
}

/** Says a localized text with `t` (ctx.t, or a translator bound to a language), inner texts first. */
export function renderLocalizedText(
  t: (key: string, args?: Record<string, string | number>) => string,
  text: TLocalizedText,
): string {
  if (!text.args) return t(text.key);
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.args))
    args[name] = typeof value === 'object' ? renderLocalizedText(t, value) : value;
  return t(text.key, args);
}
