import type { User } from 'grammy/types';
import { WebhookDeliverer, type WebhookReplyHandler } from '#sandbox/telegram/delivery/webhook-deliverer.ts';
import { SendRateLimiter } from '#sandbox/telegram/limits/send-rate-limiter.ts';
import type { RateLimits, StateSnapshot, UpdatePayload } from '#sandbox/telegram/types.ts';
import type { BotRecord, WebhookConfig } from './bot-record.ts';
import { BotRegistry } from './bot-registry.ts';
import { CallbackStore } from './callback-store.ts';
import { toChatMessage } from './chat-message-view.ts';
import { ChatStore } from './chat-store.ts';
import type { Conversation, MessageContent, NewMessage, StoredMessage } from './conversation.ts';
import { EventBus } from './event-bus.ts';
import { FileStore } from './file-store.ts';
import { PaymentStore } from './payment-store.ts';

export interface TelegramStateOptions {
  limits: RateLimits | false;
  logger: (msg: string) => void;
  /** Executes a method returned in a webhook response body. */
  onWebhookReply: WebhookReplyHandler;
  /** How long a pre-checkout query waits for answerPreCheckoutQuery. */
  preCheckoutTimeoutMs: number;
}

/**
 * All in-memory state of one server: bots, users, chats with their messages,
 * files, callback queries and payments. Nothing is global, so several servers can run
 * in one process. Message changes go through post/edit/remove so every
 * change is announced on `events`.
 */
export class TelegramState {
  readonly bots = new BotRegistry();
  readonly users = new Map<number, User>();
  readonly chats = new ChatStore();
  readonly files = new FileStore();
  readonly callbacks = new CallbackStore();
  readonly payments: PaymentStore;
  readonly events = new EventBus();
  readonly limiter: SendRateLimiter | undefined;
  readonly logger: (msg: string) => void;
  readonly #webhooks = new Map<number, WebhookDeliverer>();
  readonly #onWebhookReply: WebhookReplyHandler;

  constructor(options: TelegramStateOptions) {
    this.limiter = options.limits ? new SendRateLimiter(options.limits) : undefined;
    this.logger = options.logger;
    this.#onWebhookReply = options.onWebhookReply;
    this.payments = new PaymentStore(options.preCheckoutTimeoutMs);
  }

  upsertUser(user: User): User {
    this.users.set(user.id, user);
    this.chats.refreshUser(user);
    return user;
  }

  /** Queues an update for the bot; a set webhook delivers it, otherwise getUpdates returns it. */
  deliver(bot: BotRecord, payload: UpdatePayload): void {
    bot.updates.push(payload);
  }

  setWebhook(bot: BotRecord, config: WebhookConfig): void {
    bot.webhook = config;
    let deliverer = this.#webhooks.get(bot.id);
    if (!deliverer) {
      deliverer = new WebhookDeliverer(bot, this.#onWebhookReply, this.logger);
      this.#webhooks.set(bot.id, deliverer);
    }
    deliverer.kick();
  }

  deleteWebhook(bot: BotRecord): void {
    bot.webhook = undefined;
    this.#webhooks.get(bot.id)?.stop();
    this.#webhooks.delete(bot.id);
  }

  post(conversation: Conversation, input: NewMessage): StoredMessage {
    const stored = conversation.post(input);
    this.events.emit({
      type: 'message_added',
      ...this.scope(conversation, stored.senderBotId),
      message: toChatMessage(stored),
    });
    return stored;
  }

  edit(
    conversation: Conversation,
    stored: StoredMessage,
    content: MessageContent | undefined,
    replyMarkup: StoredMessage['replyMarkup'],
  ): void {
    conversation.edit(stored, content, replyMarkup);
    this.events.emit({
      type: 'message_edited',
      ...this.scope(conversation, stored.senderBotId),
      message: toChatMessage(stored),
    });
  }

  remove(conversation: Conversation, stored: StoredMessage): void {
    conversation.remove(stored);
    this.events.emit({
      type: 'message_deleted',
      ...this.scope(conversation, stored.senderBotId),
      message_id: stored.message.message_id,
      revision: stored.revision,
    });
  }

  /**
   * Which bot an event concerns: the bot of a private chat, or in a group the
   * bot that acted (null for a user's group message, which every member bot sees).
   */
  scope(conversation: Conversation, actingBotId?: number): { token: string | null; chat_id: number } {
    const botId = conversation.privateBotId ?? actingBotId;
    const token = botId === undefined ? null : (this.bots.get(botId)?.token ?? null);
    return { token, chat_id: conversation.chat.id };
  }

  snapshot(): StateSnapshot {
    return {
      bots: this.bots.all().map((bot) => bot.info),
      users: [...this.users.values()],
      chats: this.chats.all().map((conversation) => ({
        chat: conversation.chat,
        ...(conversation.privateBotId !== undefined ? { bot_id: conversation.privateBotId } : {}),
        member_user_ids: [...conversation.memberUserIds],
        member_bot_ids: [...conversation.memberBotIds],
        revision: conversation.revision,
      })),
    };
  }

  /** Ends pending long polls, waits and pre-checkout queries, and stops webhook delivery. */
  close(): void {
    this.payments.release();
    for (const deliverer of this.#webhooks.values()) deliverer.stop();
    this.#webhooks.clear();
    for (const bot of this.bots.all()) bot.updates.release();
    for (const conversation of this.chats.all()) conversation.release();
  }
}
