import { composeChatReply } from '#sandbox/openai/chat-reply.ts';
import type { ChatMessage } from '#sandbox/telegram/types.ts';
import type { TStreamingStack } from './streaming-stack.ts';

const REPLY_TIMEOUT_MS = 60_000;

export interface TReplyTiming {
  firstTextAt: number;
  firstVisibleAt: number;
  doneAt: number;
  /** Edits over all of the reply's messages, the final one (adding the 🔊 button) included. */
  edits: number;
}

const hasButtons = (m: ChatMessage) => {
  const markup = m.reply_markup;
  return m.sender === 'bot' && !!markup && 'inline_keyboard' in markup && markup.inline_keyboard.length > 0;
};

/**
 * One user asks, the reply streams in; resolves when it is final (its button is there), after checking the
 * chat shows exactly the stand-in's reply, in one message.
 */
export async function measureReply(
  stack: TStreamingStack,
  id: number,
  replyChars: number,
): Promise<TReplyTiming> {
  const { telegram, token } = stack;
  const prompt = `Bench question from ${id} long:${replyChars}`;
  const sent = await telegram.sendText({ token, userId: id, text: prompt });
  await telegram.waitForMessage({
    token,
    chatId: id,
    since: sent.revision,
    timeoutMs: REPLY_TIMEOUT_MS,
    predicate: hasButtons,
  });
  const doneAt = performance.now();
  const replies = (await telegram.messages({ token, chatId: id })).filter((m) => m.sender === 'bot');
  // Telegram drops a message's trailing blanks; the stand-in's filler may end with one.
  const expected = composeChatReply('gpt-4o-mini', [{ role: 'user', text: prompt, images: 0 }]).trimEnd();
  const shown = replies.map((m) => m.text ?? '').join('\n\n');
  if (replies.length !== 1 || shown !== expected)
    throw new Error(
      `ai-streaming: chat ${id} shows ${replies.length} messages, ${shown.length}/${expected.length} characters`,
    );
  const firstTextAt = stack.firstText.get(prompt);
  const firstVisibleAt = stack.firstVisible.get(id);
  if (firstTextAt === undefined || firstVisibleAt === undefined)
    throw new Error(`ai-streaming: no timing for ${id}`);
  return { firstTextAt, firstVisibleAt, doneAt, edits: replies.reduce((sum, m) => sum + m.edited, 0) };
}
