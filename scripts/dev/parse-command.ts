import type { TDevLang } from './dev-config.ts';

export type TChatTarget = 'user' | 'admin' | 'support';

export type TChatCommand =
  | { kind: 'send'; text: string }
  | { kind: 'user'; id: number; firstName?: string; language?: TDevLang }
  | { kind: 'bot'; target: TChatTarget }
  | { kind: 'reply'; messageId: number; text: string }
  | { kind: 'press'; index: number }
  | { kind: 'press'; label: string }
  | { kind: 'block'; blocked: boolean }
  | { kind: 'mail' }
  | { kind: 'app' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'invalid'; problem: string };

export const HELP_TEXT = `Anything not starting with ":" is sent to the chat on screen (text or /commands).
  :user <id> [first name] [ru|en]   be another Telegram user (created on first use)
  :bot user|admin|support           chat with the user bot, the admin bot, or sit in the support group as the agent
  :press <n> | :press <label>       press button n of the newest message with buttons, or the newest button whose label contains the text
  :reply <message id> <text>        reply to a message (#id in its header), e.g. a user's question in the support group
  :block | :unblock                 block or unblock the user bot as the current user (its messages then fail with 403)
  :mail                             the newest emails (signup codes arrive here)
  :app                              a Mini App URL signed for the current user, to open in a browser, and a curl line for /api/me
  :help                             this list
  :quit                             stop everything (Ctrl-C and Ctrl-D too)
To send a text that starts with ":", double the colon ("::)" sends ":)").`;

const isLang = (word: string | undefined): word is TDevLang => word === 'ru' || word === 'en';

function parseUser(args: string[]): TChatCommand {
  const [rawId, ...rest] = args;
  const id = Number(rawId);
  if (!rawId || !Number.isSafeInteger(id) || id <= 0)
    return { kind: 'invalid', problem: 'usage: :user <id> [first name] [ru|en]' };
  const last = rest.at(-1);
  const language = isLang(last) ? last : undefined;
  if (language) rest.pop();
  const firstName = rest.length > 0 ? rest.join(' ') : undefined;
  return { kind: 'user', id, firstName, language };
}

/** One line typed at the prompt; null for a blank line. */
export function parseCommand(line: string): TChatCommand | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('::')) return { kind: 'send', text: trimmed.slice(1) };
  if (!trimmed.startsWith(':')) return { kind: 'send', text: trimmed };

  const [name = '', ...args] = trimmed.slice(1).split(/\s+/);
  const rest = trimmed.slice(1 + name.length).trim();
  switch (name) {
    case 'user':
      return parseUser(args);
    case 'bot':
      return args[0] === 'user' || args[0] === 'admin' || args[0] === 'support'
        ? { kind: 'bot', target: args[0] }
        : { kind: 'invalid', problem: 'usage: :bot user|admin|support' };
    case 'reply': {
      const messageId = Number(args[0]);
      const text = rest.slice((args[0] ?? '').length).trim();
      return Number.isSafeInteger(messageId) && messageId > 0 && text !== ''
        ? { kind: 'reply', messageId, text }
        : { kind: 'invalid', problem: 'usage: :reply <message id> <text>' };
    }
    case 'press':
      if (rest === '') return { kind: 'invalid', problem: 'usage: :press <n> or :press <button label>' };
      return /^\d+$/.test(rest) ? { kind: 'press', index: Number(rest) } : { kind: 'press', label: rest };
    case 'block':
      return { kind: 'block', blocked: true };
    case 'unblock':
      return { kind: 'block', blocked: false };
    case 'mail':
      return { kind: 'mail' };
    case 'app':
      return { kind: 'app' };
    case 'help':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    default:
      return { kind: 'invalid', problem: `unknown command :${name} (:help lists them)` };
  }
}
