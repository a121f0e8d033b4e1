import type { Message, MessageOrigin, User } from 'grammy/types';
import type { MediaInfo, ReplyMarkup, ServerChat, TgMessage } from '#sandbox/telegram/types.ts';

/** The content fields a message can carry; everything else is set by the conversation. */
export type MessageContent = Pick<
  Message,
  | 'text'
  | 'entities'
  | 'caption'
  | 'caption_entities'
  | 'photo'
  | 'document'
  | 'audio'
  | 'video'
  | 'voice'
  | 'contact'
  | 'link_preview_options'
  | 'invoice'
  | 'successful_payment'
  | 'refunded_payment'
>;

export interface StoredMessage {
  /** Current Bot API representation (after edits). */
  message: TgMessage;
  /** Markup as sent, of any kind; the Bot API itself only echoes inline keyboards. */
  replyMarkup?: ReplyMarkup;
  /** Set when a bot sent the message; undefined for users' messages. */
  senderBotId?: number;
  media?: MediaInfo;
  edited: number;
  deleted: boolean;
  revision: number;
}

export interface NewMessage {
  from: User;
  senderBotId?: number;
  content: MessageContent;
  replyTo?: StoredMessage;
  replyMarkup?: ReplyMarkup;
  forwardOrigin?: MessageOrigin;
  media?: MediaInfo;
}

export function unixTime(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The Bot API only returns inline keyboards as `Message.reply_markup`; reply
 * keyboards, keyboard removal and force_reply affect the client only.
 */
function echoedMarkup(markup: ReplyMarkup | undefined): Pick<Message, 'reply_markup'> {
  return markup && 'inline_keyboard' in markup ? { reply_markup: markup } : {};
}

/** "The Message object in this field will not contain further reply_to_message fields." */
function asReply(stored: StoredMessage): Message & { reply_to_message: undefined } {
  const { reply_to_message: _nested, ...rest } = stored.message;
  return { ...rest, reply_to_message: undefined };
}

/**
 * One chat's message history. For private chats there is one conversation
 * per (bot, user) pair; a group is one conversation shared by its members.
 * Message ids increase per conversation, and every change bumps `revision`
 * so observers can wait for "anything new".
 */
export class Conversation {
  readonly memberUserIds = new Set<number>();
  readonly memberBotIds = new Set<number>();
  readonly messages = new Map<number, StoredMessage>();
  #nextMessageId = 1;
  #revision = 0;
  readonly #waiters = new Set<() => void>();

  constructor(
    readonly key: string,
    public chat: ServerChat,
    /** The bot of a private chat; undefined for groups. */
    readonly privateBotId?: number,
  ) {}

  get isGroup(): boolean {
    return this.chat.type !== 'private';
  }

  get revision(): number {
    return this.#revision;
  }

  /** A message that exists and was not deleted. */
  find(messageId: number): StoredMessage | undefined {
    const stored = this.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  post(input: NewMessage): StoredMessage {
    const message: TgMessage = {
      message_id: this.#nextMessageId++,
      from: input.from,
      chat: this.chat,
      date: unixTime(),
      ...(input.forwardOrigin ? { forward_origin: input.forwardOrigin } : {}),
      ...(input.replyTo ? { reply_to_message: asReply(input.replyTo) } : {}),
      ...input.content,
      ...echoedMarkup(input.replyMarkup),
    };
    const stored: StoredMessage = {
      message,
      ...(input.replyMarkup ? { replyMarkup: input.replyMarkup } : {}),
      ...(input.senderBotId !== undefined ? { senderBotId: input.senderBotId } : {}),
      ...(input.media ? { media: input.media } : {}),
      edited: 0,
      deleted: false,
      revision: this.#bump(),
    };
    this.messages.set(message.message_id, stored);
    return stored;
  }

  /**
   * Replaces content and/or markup. `replyMarkup: undefined` removes the
   * keyboard: an edit without reply_markup drops the inline keyboard on Telegram.
   */
  edit(
    stored: StoredMessage,
    content: MessageContent | undefined,
    replyMarkup: ReplyMarkup | undefined,
  ): void {
    const { reply_markup: _old, ...base } = stored.message;
    stored.message = {
      ...base,
      ...(content ?? {}),
      edit_date: unixTime(),
      ...echoedMarkup(replyMarkup),
    };
    if (replyMarkup) stored.replyMarkup = replyMarkup;
    else delete stored.replyMarkup;
    stored.edited++;
    stored.revision = this.#bump();
  }

  remove(stored: StoredMessage): void {
    stored.deleted = true;
    stored.revision = this.#bump();
  }

  /** Resolves with the revision once it exceeds `since`, or after the timeout. */
  waitForChange(since: number, timeoutMs: number): Promise<number> {
    if (this.#revision > since || timeoutMs <= 0) return Promise.resolve(this.#revision);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
        resolve(this.#revision);
      };
      const timer = setTimeout(wake, timeoutMs);
      this.#waiters.add(wake);
    });
  }

  /** Wakes every waiter (server shutdown). */
  release(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  #bump(): number {
    this.#revision++;
    for (const wake of [...this.#waiters]) wake();
    return this.#revision;
  }
}
