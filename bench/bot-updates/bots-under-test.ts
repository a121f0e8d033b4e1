import { randomBytes } from 'node:crypto';
import { PROFILE_EMAIL_BUTTON } from '#bots/user/profile-view.ts';
import type { ChatMessage } from '#sandbox/telegram/types.ts';
import { BARE_PROFILE_TEXT } from './bare-bot.ts';
import type { TBotStart } from './bot-child-protocol.ts';
import type { TReplyCheck } from './reply-tracker.ts';

export interface TBotUnderTest {
  key: string;
  label: string;
  /** Label of the row measured with one command in flight. */
  singleLabel: string;
  start: TBotStart;
  /** Every reply is checked: a bench that counts wrong answers as throughput is worse than none. */
  check: TReplyCheck;
}

const botToken = (name: string) =>
  `${1_000_000 + Math.floor(Math.random() * 8_000_000)}:${name}${randomBytes(12).toString('hex')}`;

export function bareBot(apiRoot: string): TBotUnderTest {
  return {
    key: 'bare',
    label: 'bare grammY + runner',
    singleLabel: 'bare, 1 command in flight',
    start: { kind: 'bare', token: botToken('bare'), apiRoot },
    check: (message) =>
      message.text === BARE_PROFILE_TEXT
        ? null
        : `expected the static text, got ${JSON.stringify(message.text)}`,
  };
}

export function polygramBot(
  apiRoot: string,
  storage: { databaseUrl: string; redisUrl: string; redisPrefix: string },
): TBotUnderTest {
  return {
    key: 'polygram',
    label: 'Polygram user bot (/profile, DB)',
    singleLabel: 'Polygram, 1 command in flight',
    start: { kind: 'polygram', token: botToken('user'), apiRoot, ...storage },
    check: isProfileCardOf,
  };
}

/** The profile card of this very user with its email button: not an error, flood or signup message. */
function isProfileCardOf(message: ChatMessage, userId: number): string | null {
  if (!message.text?.includes(`ID: ${userId}`))
    return `expected the profile card of ${userId}, got ${JSON.stringify(message.text)}`;
  const markup = message.reply_markup;
  const buttons = markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat() : [];
  if (!buttons.some((b) => 'callback_data' in b && b.callback_data === PROFILE_EMAIL_BUTTON))
    return 'profile card without its email button';
  return null;
}
