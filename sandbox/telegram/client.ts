import type {
  CreateGroupInput,
  PayInvoiceInput,
  PressButtonInput,
  RegisterBotInput,
  SendContactInput,
  SendTextInput,
  SetBlockedInput,
  UpsertUserInput,
} from './control/control-schemas.ts';
import type {
  BotChatProfile,
  BotInfo,
  CallbackAnswer,
  ChatMessage,
  InvoiceLinkInfo,
  PayInvoiceResult,
  RecordedCall,
  ServerChat,
  StateSnapshot,
  User,
  WebhookDelivery,
} from './types.ts';

export interface SendFileInput {
  token: string;
  userId: number;
  /** Defaults to the private chat with the user. */
  chatId?: number;
  replyToMessageId?: number;
  bytes: Uint8Array;
  fileName: string;
  mimeType?: string;
  caption?: string;
  /** Seconds; audio, video and voice only. */
  duration?: number;
}

export interface WaitForMessageInput {
  token: string;
  chatId: number;
  predicate: (message: ChatMessage) => boolean;
  /** Default 5000. */
  timeoutMs?: number;
  /**
   * Only consider messages created or changed after this chat revision, e.g.
   * the `revision` of the message the user just sent. Default: all messages.
   */
  since?: number;
}

type ControlAnswer<T> = { ok: true; result: T } | { ok: false; error: string };

/** One long-poll request of waitForMessage waits at most this long before re-checking the deadline. */
const MAX_POLL_MS = 25_000;

/**
 * Typed HTTP client of the local Telegram server's control API: plays the
 * users (messages, button presses, blocking) and reads what bots did. Uses
 * only fetch, so it works from any process that can reach the server.
 */
export class TelegramTestClient {
  readonly #baseUrl: string;

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
  }

  registerBot(input: RegisterBotInput): Promise<BotInfo> {
    return this.#post('/control/bots', input);
  }

  upsertUser(input: UpsertUserInput): Promise<User> {
    return this.#post('/control/users', input);
  }

  createGroup(input: CreateGroupInput): Promise<ServerChat> {
    return this.#post('/control/groups', input);
  }

  /** The user sends a text; resolves with the stored message (its `revision` is a good `since`). */
  sendText(input: SendTextInput): Promise<ChatMessage> {
    return this.#post('/control/messages/text', input);
  }

  sendContact(input: SendContactInput): Promise<ChatMessage> {
    return this.#post('/control/messages/contact', input);
  }

  sendPhoto(input: SendFileInput): Promise<ChatMessage> {
    return this.#post('/control/messages/photo', TelegramTestClient.#fileBody(input));
  }

  sendDocument(input: SendFileInput): Promise<ChatMessage> {
    return this.#post('/control/messages/document', TelegramTestClient.#fileBody(input));
  }

  sendAudio(input: SendFileInput): Promise<ChatMessage> {
    return this.#post('/control/messages/audio', TelegramTestClient.#fileBody(input));
  }

  sendVideo(input: SendFileInput): Promise<ChatMessage> {
    return this.#post('/control/messages/video', TelegramTestClient.#fileBody(input));
  }

  /** A voice message (Telegram clients record OGG/Opus; the bytes are stored as given). */
  sendVoice(input: SendFileInput): Promise<ChatMessage> {
    return this.#post('/control/messages/voice', TelegramTestClient.#fileBody(input));
  }

  /** The invoice behind a createInvoiceLink link and the bot it pays, as the payment sheet shows it. */
  invoiceLink(link: string): Promise<InvoiceLinkInfo> {
    return this.#get('/control/invoice-links', { link });
  }

  /**
   * The menu button and command list a client shows to a user in a chat with the bot (private chat:
   * `chatId` is the user's id; group: pass `userId` for chat_member commands).
   */
  botProfile(input: {
    token: string;
    chatId: number;
    languageCode?: string;
    userId?: number;
  }): Promise<BotChatProfile> {
    return this.#get('/control/bot-profile', {
      token: input.token,
      chatId: String(input.chatId),
      languageCode: input.languageCode,
      userId: input.userId === undefined ? undefined : String(input.userId),
    });
  }

  /** The user presses an inline button with this callback_data. */
  pressButton(input: PressButtonInput): Promise<{ callbackQueryId: string }> {
    return this.#post('/control/callbacks', input);
  }

  /** What the bot answered to a button press, or null while it has not answered. */
  callbackAnswer(callbackQueryId: string): Promise<CallbackAnswer | null> {
    return this.#get('/control/callbacks/answer', { id: callbackQueryId });
  }

  /**
   * The user pays an invoice message of the bot (`messageId`) or an invoice
   * link (`invoiceLink`, as the Mini App's openInvoice). Resolves when the
   * payment ended, which takes until the bot answers the pre-checkout query
   * (or the server's pre-checkout timeout, 10 s by default, passes).
   */
  payInvoice(input: PayInvoiceInput): Promise<PayInvoiceResult> {
    return this.#post('/control/payments', input);
  }

  async setBlocked(input: SetBlockedInput): Promise<void> {
    await this.#post('/control/blocks', input);
  }

  /** All messages of the chat in order, users' and bots', deleted ones flagged. */
  async messages(input: { token: string; chatId: number }): Promise<ChatMessage[]> {
    return (await this.#chat(input)).messages;
  }

  /** Bot API calls the bot made (getUpdates excluded), optionally only of one method. */
  calls(input: { token: string; method?: string }): Promise<RecordedCall[]> {
    return this.#get('/control/calls', input);
  }

  /** Every webhook POST of the bot's updates and how the webhook answered, oldest first. */
  webhookDeliveries(input: { token: string }): Promise<WebhookDelivery[]> {
    return this.#get('/control/webhook-deliveries', input);
  }

  state(): Promise<StateSnapshot> {
    return this.#get('/control/state', {});
  }

  /**
   * Resolves with the first bot message (new or edited, in order of change)
   * matching `predicate`, long-polling the server for changes. On timeout it
   * throws with a dump of the chat.
   */
  async waitForMessage(input: WaitForMessageInput): Promise<ChatMessage> {
    const deadline = Date.now() + (input.timeoutMs ?? 5_000);
    const since = input.since ?? 0;
    for (;;) {
      const chat = await this.#chat(input);
      const match = chat.messages
        .filter((message) => message.sender === 'bot' && !message.deleted && message.revision > since)
        .sort((a, b) => a.revision - b.revision)
        .find(input.predicate);
      if (match) return match;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `waitForMessage: no bot message in chat ${input.chatId} matched within ${input.timeoutMs ?? 5_000} ms.\n` +
            `Chat so far:\n${formatChat(chat.messages)}`,
        );
      }
      await this.#get('/control/messages/wait', {
        token: input.token,
        chatId: String(input.chatId),
        since: String(chat.revision),
        timeoutMs: String(Math.min(remaining, MAX_POLL_MS)),
      });
    }
  }

  async downloadFile(token: string, fileId: string): Promise<Buffer> {
    const response = await fetch(this.#url('/control/files', { token, fileId }));
    if (!response.ok) {
      const answer = (await response.json()) as ControlAnswer<never>;
      throw new Error(`downloadFile: ${answer.ok ? response.statusText : answer.error}`);
    }
    return Buffer.from(await response.arrayBuffer());
  }

  #chat(input: { token: string; chatId: number }): Promise<{ revision: number; messages: ChatMessage[] }> {
    return this.#get('/control/messages', { token: input.token, chatId: String(input.chatId) });
  }

  static #fileBody(input: SendFileInput) {
    const { bytes, ...rest } = input;
    return { ...rest, data: Buffer.from(bytes).toString('base64') };
  }

  #url(path: string, query: Record<string, string | undefined>): string {
    const url = new URL(`${this.#baseUrl}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    return url.toString();
  }

  #get<T>(path: string, query: Record<string, string | undefined>): Promise<T> {
    return this.#request<T>(this.#url(path, query), { method: 'GET' });
  }

  #post<T>(path: string, body: unknown): Promise<T> {
    return this.#request<T>(this.#url(path, {}), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async #request<T>(url: string, init: RequestInit): Promise<T> {
    const response = await fetch(url, init);
    const answer = (await response.json()) as ControlAnswer<T>;
    if (!answer.ok) throw new Error(`Telegram control API: ${answer.error}`);
    return answer.result;
  }
}

/** How formatChat shows a message without text. */
function placeholder(message: ChatMessage): string {
  if (message.media) return `[${message.media.kind}]`;
  const { invoice, successful_payment: paid, refunded_payment: refunded } = message;
  if (invoice) return `[invoice "${invoice.title}" ${invoice.total_amount} ${invoice.currency}]`;
  if (paid) return `[paid ${paid.total_amount} ${paid.currency}]`;
  if (refunded) return `[refunded ${refunded.total_amount} ${refunded.currency}]`;
  return message.contact ? '[contact]' : '[message]';
}

/** One line per message, for timeout errors. */
function formatChat(messages: readonly ChatMessage[]): string {
  if (messages.length === 0) return '  (no messages)';
  return messages
    .map((message) => {
      const body = message.text ?? message.caption ?? placeholder(message);
      const markup = message.reply_markup;
      const buttons =
        markup && 'inline_keyboard' in markup
          ? ` [buttons: ${markup.inline_keyboard
              .flat()
              .map((button) => button.text)
              .join(' | ')}]`
          : '';
      const flags = `${message.edited > 0 ? ` (edited ×${message.edited})` : ''}${message.deleted ? ' (deleted)' : ''}`;
      return `  #${message.message_id} r${message.revision} ${message.sender}: ${JSON.stringify(body)}${buttons}${flags}`;
    })
    .join('\n');
}
