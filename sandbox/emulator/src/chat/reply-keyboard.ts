import type { ChatMessage, ForceReply, ReplyKeyboardMarkup } from '../../../telegram/types.ts';

/**
 * The reply keyboard a chat shows: the one of the newest bot message that set or removed one. A one-time
 * keyboard the user answered collapses (the keyboard button brings it back), as in Telegram.
 */
export function activeReplyKeyboard(
  messages: readonly ChatMessage[],
): { markup: ReplyKeyboardMarkup; collapsed: boolean } | undefined {
  let answered = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message) continue;
    if (message.sender === 'user') {
      answered = true;
      continue;
    }
    const markup = message.reply_markup;
    if (!markup || 'inline_keyboard' in markup || 'force_reply' in markup) continue;
    if ('remove_keyboard' in markup) return undefined;
    return { markup, collapsed: markup.one_time_keyboard === true && answered };
  }
  return undefined;
}

/** The bot message a ForceReply asks the user to answer: the newest message, if it asks. */
export function forcedReplyTarget(
  messages: readonly ChatMessage[],
): { message: ChatMessage; markup: ForceReply } | undefined {
  const last = messages.at(-1);
  const markup = last?.reply_markup;
  return last?.sender === 'bot' && markup && 'force_reply' in markup && markup.force_reply === true
    ? { message: last, markup: { ...markup, force_reply: true } }
    : undefined;
}
