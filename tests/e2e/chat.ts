import type { InlineKeyboardButton } from 'grammy/types';
import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { ChatMessage } from '#sandbox/telegram/types.ts';

const matches = (text: string | undefined, pattern: RegExp | string) =>
  text !== undefined && (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));

/**
 * One person's chat with one bot, driven like a Telegram client: type, press buttons, and expect what the
 * bot shows after that. `expect` only matches messages that are new or changed since the last action, so a
 * test cannot pass on something the bot said earlier.
 */
export class Chat {
  private seen = new Map<number, number>();

  constructor(
    private readonly telegram: TelegramTestClient,
    readonly token: string,
    readonly userId: number,
    readonly chatId: number = userId,
  ) {}

  private async markAllSeen(): Promise<void> {
    for (const m of await this.telegram.messages({ token: this.token, chatId: this.chatId })) {
      this.seen.set(m.message_id, m.revision);
    }
  }

  private isFresh = (m: ChatMessage) => this.seen.get(m.message_id) !== m.revision;

  async send(text: string, opts: { replyToMessageId?: number } = {}): Promise<ChatMessage> {
    await this.markAllSeen();
    return this.telegram.sendText({
      token: this.token,
      userId: this.userId,
      chatId: this.chatId,
      text,
      replyToMessageId: opts.replyToMessageId,
    });
  }

  /** Waits for a bot message, new or edited since the last action, whose text matches. */
  expect(pattern: RegExp | string, timeoutMs = 15_000): Promise<ChatMessage> {
    return this.expectWhere((m) => matches(m.text, pattern), timeoutMs);
  }

  /** Waits for a bot message, new or edited since the last action, that satisfies the predicate. */
  async expectWhere(predicate: (m: ChatMessage) => boolean, timeoutMs = 15_000): Promise<ChatMessage> {
    const message = await this.telegram.waitForMessage({
      token: this.token,
      chatId: this.chatId,
      timeoutMs,
      predicate: (m) => m.sender === 'bot' && !m.deleted && this.isFresh(m) && predicate(m),
    });
    this.seen.set(message.message_id, message.revision);
    return message;
  }

  /** Presses the inline button whose label matches, on the newest bot message that has one. */
  async press(label: RegExp | string): Promise<{ callbackQueryId: string; data: string }> {
    const messages = await this.telegram.messages({ token: this.token, chatId: this.chatId });
    for (const m of [...messages].reverse()) {
      if (m.sender !== 'bot' || m.deleted) continue;
      const button = buttonsOf(m).find((b) => matches(b.text, label));
      if (button && 'callback_data' in button && button.callback_data) {
        return this.pressData(m.message_id, button.callback_data);
      }
    }
    throw new Error(`no button matching ${label} in chat ${this.chatId}:\n${dump(messages)}`);
  }

  /** Presses with chosen callback data; `forged` sends data no button on the message carries. */
  async pressData(
    messageId: number,
    data: string,
    opts: { forged?: boolean } = {},
  ): Promise<{ callbackQueryId: string; data: string }> {
    await this.markAllSeen();
    const { callbackQueryId } = await this.telegram.pressButton({
      token: this.token,
      userId: this.userId,
      chatId: this.chatId,
      messageId,
      data,
      forged: opts.forged,
    });
    return { callbackQueryId, data };
  }

  /** The text the bot showed on the button (toast or alert), once it has answered. */
  async answerOf(callbackQueryId: string, timeoutMs = 10_000): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.telegram.callbackAnswer(callbackQueryId);
      if (answer) return answer.text;
      if (Date.now() > deadline) throw new Error(`callback ${callbackQueryId} was never answered`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async botMessages(): Promise<ChatMessage[]> {
    return (await this.telegram.messages({ token: this.token, chatId: this.chatId })).filter(
      (m) => m.sender === 'bot',
    );
  }
}

export function buttonsOf(message: ChatMessage): InlineKeyboardButton[] {
  const markup = message.reply_markup;
  return markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat() : [];
}

const dump = (messages: ChatMessage[]) =>
  messages
    .slice(-8)
    .map(
      (m) =>
        `  [${m.sender} #${m.message_id}] ${m.text ?? m.caption ?? '(media)'} ${buttonsOf(m)
          .map((b) => `[${b.text}]`)
          .join(' ')}`,
    )
    .join('\n');
