import { relative } from 'node:path';
import { styleText } from 'node:util';

/** One line of "what runs where", for the curious. */
export interface TWhereLine {
  what: string;
  where: string;
  note?: string;
}

/** A URL as safe to print: the password of a server the person configured is theirs, not the terminal's. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The one URL first and alone on its line; the rest below it, quietly. */
export function renderSandboxBanner(opts: {
  url: string;
  where: readonly TWhereLine[];
  logDir: string;
  root: string;
  color: boolean;
}): string {
  const bold = (text: string) => (opts.color ? styleText('bold', text) : text);
  const dim = (text: string) => (opts.color ? styleText('dim', text) : text);
  const width = Math.max(...opts.where.map((line) => line.what.length));
  return [
    '',
    bold('Polygram is running offline. Open:'),
    '',
    `  ${bold(opts.url)}`,
    '',
    dim('What runs where:'),
    ...opts.where.map((line) =>
      dim(`  ${line.what.padEnd(width)}  ${line.where}${line.note ? `  (${line.note})` : ''}`),
    ),
    dim(`  ${'logs'.padEnd(width)}  ${relative(opts.root, opts.logDir)}/`),
    '',
    'Ctrl-C stops everything the sandbox started (press it twice to force).',
    '',
  ].join('\n');
}
