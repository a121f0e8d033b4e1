import type { TMediaKind } from '../contract/host-api.ts';

// The emulated Telegram client's own words, in the user's language as Telegram's apps draw them: media
// captions, the invoice card and payment sheet, service messages, the composer, dialogs. Not the product's
// strings (those come from the bots, in locales/): these are what Telegram itself would show. The sandbox's
// tooling around the client (user picker and "New user" form, sidebar links, Bridge log, "Decline card",
// notices about what the emulator does not model) is for the developer and stays in English.

export type TClientLanguage = 'en' | 'ru';

/** A sentence with rich pieces (a price with the Stars mark, a name in bold) in their places. */
export type TParts<N> = (string | N)[];

/** What Telegram shows under a chat's name while the bot's chat action lasts. */
export type TChatActionName =
  | 'typing'
  | 'upload_photo'
  | 'record_video'
  | 'upload_video'
  | 'record_voice'
  | 'upload_voice'
  | 'upload_document'
  | 'choose_sticker'
  | 'find_location'
  | 'record_video_note'
  | 'upload_video_note';

export interface TClientStrings {
  /** The BCP 47 tag for Intl: decimal marks in file sizes, prices in currencies other than Stars. */
  locale: string;
  chat: {
    chats: string;
    bot: string;
    group: string;
    empty: string;
    edited: string;
    reply: string;
    forwardedFrom: (name: string) => string;
    someChat: string;
    someChannel: string;
    /** The "↓" button's count of messages that arrived below the place the person is reading. */
    newMessages: (count: number) => string;
    goToNewest: string;
    copied: string;
  };
  actions: Record<TChatActionName, string>;
  /** One line for a message in the chat list and in reply quotes, when it has no text. */
  preview: {
    invoice: (title: string) => string;
    paymentSent: string;
    paymentRefunded: string;
    contact: (name: string) => string;
    message: string;
  };
  media: {
    /** Also the paperclip menu's items and the title of a voice message. */
    kinds: Record<TMediaKind, string>;
    download: string;
    units: { b: string; kb: string; mb: string };
  };
  composer: {
    placeholder: string;
    menu: string;
    attach: string;
    send: string;
    botKeyboard: string;
    cancelReply: string;
    replyTo: <N>(name: N, preview: string) => TParts<N>;
    sharePhone: string;
  };
  invoice: {
    stars: string;
    other: string;
    paid: string;
    pay: <N>(price: N) => TParts<N>;
  };
  payment: {
    title: string;
    from: (bot: string) => string;
    pay: <N>(price: N) => TParts<N>;
    processing: string;
    loading: string;
    timeout: string;
    cardDeclined: string;
    /** The service message after a payment and after a refund. */
    transferred: <N>(price: N, bot: string) => TParts<N>;
    refunded: <N>(bot: string, price: N) => TParts<N>;
  };
  /** Alerts and Mini App popups (their default buttons, as Telegram names them). */
  dialog: { ok: string; cancel: string; close: string };
  miniApp: {
    back: string;
    more: string;
    settings: string;
    reload: string;
    loading: string;
    confirmClose: string;
  };
}

const RUSSIAN_PLURAL = new Intl.PluralRules('ru');

/**
 * A Russian noun after a number: 1, 21 сообщение; 2–4, 22 сообщения; 5–20, 11–14 сообщений. CLDR's
 * "other" is for fractions, which take the "few" form.
 */
export function russianPlural(count: number, forms: { one: string; few: string; many: string }): string {
  const category = RUSSIAN_PLURAL.select(count);
  return category === 'one' ? forms.one : category === 'many' ? forms.many : forms.few;
}

const en: TClientStrings = {
  locale: 'en',
  chat: {
    chats: 'Chats',
    bot: 'bot',
    group: 'group',
    empty: 'No messages here yet. Try /start.',
    edited: 'edited',
    reply: 'Reply',
    forwardedFrom: (name) => `Forwarded from ${name}`,
    someChat: 'a chat',
    someChannel: 'a channel',
    newMessages: (count) => `${count} new message${count === 1 ? '' : 's'}`,
    goToNewest: 'Go to the newest messages',
    copied: 'Copied to clipboard',
  },
  actions: {
    typing: 'typing…',
    upload_photo: 'sending a photo…',
    record_video: 'recording a video…',
    upload_video: 'sending a video…',
    record_voice: 'recording a voice message…',
    upload_voice: 'sending a voice message…',
    upload_document: 'sending a file…',
    choose_sticker: 'choosing a sticker…',
    find_location: 'finding a location…',
    record_video_note: 'recording a video message…',
    upload_video_note: 'sending a video message…',
  },
  preview: {
    invoice: (title) => `Invoice: ${title}`,
    paymentSent: 'Payment sent',
    paymentRefunded: 'Payment refunded',
    contact: (name) => `Contact: ${name}`,
    message: 'Message',
  },
  media: {
    kinds: { photo: 'Photo', video: 'Video', audio: 'Audio', voice: 'Voice message', document: 'File' },
    download: 'Download',
    units: { b: 'B', kb: 'KB', mb: 'MB' },
  },
  composer: {
    placeholder: 'Message',
    menu: 'Menu',
    attach: 'Attach',
    send: 'Send',
    botKeyboard: 'Bot keyboard',
    cancelReply: 'Cancel reply',
    replyTo: (name, preview) => ['Reply to ', name, `: ${preview}`],
    sharePhone: 'Share which phone number?',
  },
  invoice: {
    stars: 'TELEGRAM STARS',
    other: 'INVOICE',
    paid: '✓ Paid',
    pay: (price) => ['Pay ', price],
  },
  payment: {
    title: 'Payment',
    from: (bot) => `from ${bot}`,
    pay: (price) => ['Pay ', price],
    processing: 'Processing…',
    loading: 'Loading the invoice…',
    timeout: 'The bot did not confirm the order in time (answerPreCheckoutQuery within 10 s).',
    cardDeclined: 'Payment failed: the card was declined.',
    transferred: (price, bot) => ['You successfully transferred ', price, ` to ${bot}`],
    refunded: (bot, price) => [`${bot} refunded `, price],
  },
  dialog: { ok: 'OK', cancel: 'Cancel', close: 'Close' },
  miniApp: {
    back: 'Back',
    more: 'More',
    settings: 'Settings',
    reload: 'Reload page',
    loading: 'Loading…',
    confirmClose: 'Close the Mini App? Changes you made may not be saved.',
  },
};

const ru: TClientStrings = {
  locale: 'ru',
  chat: {
    chats: 'Чаты',
    bot: 'бот',
    group: 'группа',
    empty: 'Здесь пока нет сообщений. Попробуйте /start.',
    edited: 'изменено',
    reply: 'Ответить',
    // Telegram leaves the name as it is ("Переслано от Павел"): names are not declined.
    forwardedFrom: (name) => `Переслано от ${name}`,
    someChat: 'чата',
    someChannel: 'канала',
    newMessages: (count) =>
      `${count} ${russianPlural(count, { one: 'новое сообщение', few: 'новых сообщения', many: 'новых сообщений' })}`,
    goToNewest: 'К новым сообщениям',
    copied: 'Скопировано в буфер обмена',
  },
  actions: {
    typing: 'печатает…',
    upload_photo: 'отправляет фото…',
    record_video: 'записывает видео…',
    upload_video: 'отправляет видео…',
    record_voice: 'записывает голосовое сообщение…',
    upload_voice: 'отправляет голосовое сообщение…',
    upload_document: 'отправляет файл…',
    choose_sticker: 'выбирает стикер…',
    find_location: 'выбирает геопозицию…',
    record_video_note: 'записывает видеосообщение…',
    upload_video_note: 'отправляет видеосообщение…',
  },
  preview: {
    invoice: (title) => `Счёт: ${title}`,
    paymentSent: 'Платёж отправлен',
    paymentRefunded: 'Платёж возвращён',
    contact: (name) => `Контакт: ${name}`,
    message: 'Сообщение',
  },
  media: {
    kinds: { photo: 'Фото', video: 'Видео', audio: 'Аудио', voice: 'Голосовое сообщение', document: 'Файл' },
    download: 'Скачать',
    units: { b: 'Б', kb: 'КБ', mb: 'МБ' },
  },
  composer: {
    placeholder: 'Сообщение',
    menu: 'Меню',
    attach: 'Прикрепить',
    send: 'Отправить',
    botKeyboard: 'Клавиатура бота',
    cancelReply: 'Отменить ответ',
    // The name stays in the nominative, so it stands after a colon rather than after a preposition.
    replyTo: (name, preview) => ['Ответ: ', name, ` — ${preview}`],
    sharePhone: 'Каким номером телефона поделиться?',
  },
  invoice: {
    // Telegram keeps the currency's brand name in Russian too.
    stars: 'TELEGRAM STARS',
    other: 'СЧЁТ',
    paid: '✓ Оплачено',
    pay: (price) => ['Оплатить ', price],
  },
  payment: {
    title: 'Оплата',
    from: (bot) => `от ${bot}`,
    pay: (price) => ['Оплатить ', price],
    processing: 'Обработка…',
    loading: 'Загрузка счёта…',
    timeout: 'Бот не подтвердил заказ вовремя (answerPreCheckoutQuery за 10 с).',
    cardDeclined: 'Платёж не прошёл: карта отклонена.',
    // Telegram's own wording: "Вы успешно перевели %1$s для %2$s".
    transferred: (price, bot) => ['Вы успешно перевели ', price, ` для ${bot}`],
    refunded: (bot, price) => [`${bot} вернул `, price],
  },
  dialog: { ok: 'OK', cancel: 'Отмена', close: 'Закрыть' },
  miniApp: {
    back: 'Назад',
    more: 'Ещё',
    settings: 'Настройки',
    reload: 'Обновить страницу',
    loading: 'Загрузка…',
    confirmClose: 'Закрыть мини-приложение? Внесённые изменения могут не сохраниться.',
  },
};

export const CLIENT_STRINGS: Record<TClientLanguage, TClientStrings> = { en, ru };

/** Telegram's apps speak the user's language when they have it; the emulator has Russian and English. */
export function clientLanguage(languageCode: string | undefined): TClientLanguage {
  return languageCode?.toLowerCase().split('-')[0] === 'ru' ? 'ru' : 'en';
}

export const clientStrings = (languageCode: string | undefined): TClientStrings =>
  CLIENT_STRINGS[clientLanguage(languageCode)];
