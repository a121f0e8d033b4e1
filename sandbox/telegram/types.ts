/**
 * Public types of the local Telegram Bot API server.
 *
 * Wire objects (Message, Update, User, …) are the Bot API types grammY itself
 * uses, so anything the server returns type-checks against what a real bot
 * expects. The control-side shapes (ChatMessage, events, snapshots) are ours.
 */
import type {
  BotCommand,
  Chat,
  Contact,
  ForceReply,
  InlineKeyboardMarkup,
  Invoice,
  LabeledPrice,
  MenuButton,
  Message,
  MessageEntity,
  MessageOrigin,
  RefundedPayment,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  SuccessfulPayment,
  Update,
  User,
} from 'grammy/types';

export type {
  BotCommand,
  BotCommandScope,
  CallbackQuery,
  Chat,
  Contact,
  Document,
  File,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Invoice,
  KeyboardButton,
  LabeledPrice,
  MenuButton,
  Message,
  MessageEntity,
  MessageOrigin,
  PhotoSize,
  PreCheckoutQuery,
  RefundedPayment,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  StarTransaction,
  StarTransactions,
  SuccessfulPayment,
  Update,
  User,
  UserFromGetMe,
  WebhookInfo,
} from 'grammy/types';

/** Chats this server models: private chats and (super)groups, never channels. */
export type ServerChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

/** A message as bots see it: always has a sender and a non-channel chat (like `Update.message`). */
export type TgMessage = Message & { chat: ServerChat; from: User };

/** Update without its id, before the per-bot queue numbers it. */
export type UpdatePayload = Omit<Update, 'update_id'>;

export type UpdateType = Exclude<keyof Update, 'update_id'>;

/** Any of the four `reply_markup` kinds a bot may attach to a message. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export type MediaKind = 'photo' | 'document' | 'audio' | 'video' | 'voice';

/** Media attached to a message, flattened for assertions and the chat emulator. */
export interface MediaInfo {
  kind: MediaKind;
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  width?: number;
  height?: number;
  duration?: number;
}

/**
 * Control-side view of one message in a chat: the current content (after
 * edits), who sent it, the reply markup of any kind, and bookkeeping that the
 * Bot API does not expose (edit count, deleted flag, chat revision).
 */
export interface ChatMessage {
  message_id: number;
  chat_id: number;
  date: number;
  sender: 'user' | 'bot';
  from: User;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: ReplyMarkup;
  reply_to_message_id?: number;
  media?: MediaInfo;
  contact?: Contact;
  forward_origin?: MessageOrigin;
  /** An invoice the bot sent (sendInvoice). */
  invoice?: Invoice;
  /** Service message: the user paid an invoice. */
  successful_payment?: SuccessfulPayment;
  /** Service message: the bot refunded a Stars payment (refundStarPayment). */
  refunded_payment?: RefundedPayment;
  /** How many times the message was edited. */
  edited: number;
  edit_date?: number;
  deleted: boolean;
  /** Chat revision of the last change to this message (creation, edit or deletion). */
  revision: number;
  /** The message exactly as the Bot API returns it to bots. */
  message: TgMessage;
}

export interface CallbackAnswer {
  text?: string;
  show_alert: boolean;
  url?: string;
  cache_time?: number;
}

/**
 * How a simulated invoice payment ended (`payInvoice`): `paid` after an
 * approved pre-checkout, `rejected` when the bot answered ok=false,
 * `timeout` when it did not answer in time, `failed` when the payment itself
 * failed after an approved pre-checkout.
 */
export type PayInvoiceResult =
  | { status: 'paid'; chargeId: string; messageId: number }
  | { status: 'rejected'; errorMessage: string }
  | { status: 'timeout' }
  | { status: 'failed' };

/** An invoice link (createInvoiceLink) as a client shows it before paying: `GET /control/invoice-links`. */
export interface InvoiceLinkInfo {
  /** The bot that created the link; a payment goes to it. */
  bot_username: string;
  title: string;
  description: string;
  currency: string;
  total_amount: number;
  prices: LabeledPrice[];
  photo_url?: string;
  subscription_period?: number;
}

/** What a client shows in a chat with a bot (`GET /control/bot-profile`). */
export interface BotChatProfile {
  menu_button: MenuButton;
  commands: BotCommand[];
}

/** What the chat emulator needs to show an invoice payment or refund. */
interface PaymentInfo {
  user_id: number;
  currency: string;
  total_amount: number;
  invoice_payload: string;
}

/** One Bot API call made by a bot, as recorded for assertions. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Milliseconds since the epoch. */
  at: number;
  ok: boolean;
  error_code?: number;
  description?: string;
}

/** One webhook POST of an update, as the server saw it (control API `webhookDeliveries`). */
export interface WebhookDelivery {
  update: Update;
  /** Milliseconds since the epoch, when the POST started. */
  at: number;
  /** The webhook's HTTP status; absent when no answer came (refused, timed out). */
  status?: number;
  /** 2xx: the update is confirmed and will not be sent again. */
  ok: boolean;
  /** What getWebhookInfo's last_error_message said about a failed delivery. */
  error?: string;
}

export interface BotInfo {
  id: number;
  token: string;
  username: string;
  first_name: string;
}

export interface RateLimits {
  /** Sustained messages per second into one chat. */
  perChatPerSecond: number;
  /** Messages one chat may receive back to back before the per-second rate applies. */
  perChatBurst: number;
  /** Messages per second per bot across all chats. */
  globalPerSecond: number;
  /** Messages per minute into one group. */
  groupPerMinute: number;
}

export interface ChatSnapshot {
  chat: ServerChat;
  /** Set for private chats: the bot on the other side. */
  bot_id?: number;
  member_user_ids: number[];
  member_bot_ids: number[];
  revision: number;
}

export interface StateSnapshot {
  bots: BotInfo[];
  users: User[];
  chats: ChatSnapshot[];
}

/** Where an event happened: the chat and, when known, the bot whose chat it is. */
interface EventScope {
  /** Token of the bot concerned; null for a user's message in a group (every member bot sees it). */
  token: string | null;
  chat_id: number;
}

/** Everything observable that happens on the server, streamed on `GET /control/events`. */
export type TelegramServerEvent =
  | (EventScope & { type: 'message_added'; message: ChatMessage })
  | (EventScope & { type: 'message_edited'; message: ChatMessage })
  | (EventScope & { type: 'message_deleted'; message_id: number; revision: number })
  | (EventScope & { type: 'chat_action'; action: string })
  | (EventScope & { type: 'callback_answered'; callback_query_id: string; answer: CallbackAnswer })
  | { type: 'bot_blocked'; token: string; user_id: number; blocked: boolean }
  | (EventScope &
      PaymentInfo & {
        type: 'invoice_payment';
        /** `pending` once the pre-checkout query is sent, then the outcome. */
        status: 'pending' | PayInvoiceResult['status'];
        /** The paid invoice message, or the invoice link that was opened. */
        invoice_message_id?: number;
        invoice_link?: string;
        charge_id?: string;
        error_message?: string;
      })
  | (EventScope & PaymentInfo & { type: 'payment_refunded'; charge_id: string });

export type TelegramServerEventType = TelegramServerEvent['type'];
