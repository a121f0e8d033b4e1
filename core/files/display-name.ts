const MAX_NAME_LENGTH = 200;

/**
 * The name shown to the user and offered on download: the last path part, without control characters,
 * ending in the stored type's extension (a `.png` upload is stored as a JPEG and named `….jpg`).
 */
export function displayName(name: string, ext: string): string {
  const base = (name.split(/[/\\]/).at(-1) ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'file';
  return `${stem.slice(0, MAX_NAME_LENGTH - ext.length - 1)}.${ext}`;
}
