import type { CaughtMail } from '#sandbox/mail/mail-catcher.ts';

const MAX_BODY_LINES = 12;

/** The newest emails, one block each, with enough of the body to read a code from. */
export function renderMail(newestFirst: readonly CaughtMail[], inboxUrl: string): string {
  if (newestFirst.length === 0) return `No email yet. (Inbox in a browser: ${inboxUrl})`;
  const blocks = newestFirst.map((mail) => {
    const lines = mail.text.trim().split('\n');
    const body = lines.slice(0, MAX_BODY_LINES).map((line) => `  ${line}`);
    if (lines.length > MAX_BODY_LINES) body.push('  …');
    return [
      `✉ ${mail.receivedAt.toTimeString().slice(0, 8)}  to ${mail.to.join(', ')}  from ${mail.from}`,
      `  Subject: ${mail.subject}`,
      ...body,
    ].join('\n');
  });
  return [...blocks, `(newest first; all of them at ${inboxUrl})`].join('\n');
}
