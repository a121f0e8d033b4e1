import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from '#core/logging/logger.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { editRich, sendRich, type TChatApi } from './rich-text.ts';
import { splitHtml, TELEGRAM_TEXT_MAX } from './split-html.ts';

export interface TStreamPacing {
  /** The least time between two changes to the chat. */
  minIntervalMs: number;
  /** Less new text than this waits for more before an edit is worth it. */
  minGrowthChars: number;
}

/**
 * Telegram allows about one message a second in a chat, and edits count against flood limits too. One
 * change a second at most keeps a reply under that while still reading as live; a few new words are not
 * worth an edit.
 */
export const STREAM_PACING: TStreamPacing = { minIntervalMs: 1_000, minGrowthChars: 24 };

interface TShown {
  id: number;
  html: string;
  /** Telegram refused this message's markup once: it stays plain text. */
  plain: boolean;
}

/**
 * A model's reply appearing in a chat as it is written: the first message as soon as there is text, then
 * edits, paced (STREAM_PACING) and only when the text grew enough; a reply past 4096 characters continues in
 * further messages. The final state is always shown, with the reply's buttons on its last message.
 */
export class StreamingReply {
  readonly stats = { sends: 0, edits: 0 };
  readonly #shown: TShown[] = [];
  #text = '';
  #shownLength = 0;
  #lastChangeAt = 0;
  #busy: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly api: TChatApi,
    private readonly chatId: number,
    private readonly opts: {
      pacing?: TStreamPacing;
      limit?: number;
      logger?: Logger;
      now?: () => number;
    } = {},
  ) {}

  get messageIds(): number[] {
    return this.#shown.map((m) => m.id);
  }

  /** Everything the model has written so far; returns at once, the chat catches up at its own pace. */
  push(text: string): void {
    if (this.#closed) return;
    this.#text = text;
    this.#kick();
  }

  /** The complete reply, with buttons under its last message. */
  async finish(text: string, replyMarkup?: InlineKeyboardMarkup): Promise<number[]> {
    this.#close();
    await this.#busy;
    this.#text = text;
    await this.#render(replyMarkup);
    return this.messageIds;
  }

  /** The reply failed: its (last) message becomes the error, or the error is sent if nothing was shown yet. */
  async fail(html: string): Promise<void> {
    this.#close();
    await this.#busy;
    const last = this.#shown.at(-1);
    if (last) await editRich(this.api, this.chatId, last.id, html);
    else await sendRich(this.api, this.chatId, html);
  }

  #close() {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #now = () => (this.opts.now ?? Date.now)();

  #kick() {
    if (this.#closed || this.#busy || this.#timer) return;
    const pacing = this.opts.pacing ?? STREAM_PACING;
    const growth = this.#text.trim().length === 0 ? 0 : this.#text.length - this.#shownLength;
    if (growth <= 0 || (this.#shown.length > 0 && growth < pacing.minGrowthChars)) return;
    // The first text goes out at once: that is the moment the user sees the bot answering.
    const wait = this.#shown.length === 0 ? 0 : this.#lastChangeAt + pacing.minIntervalMs - this.#now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#kick();
      }, wait);
      return;
    }
    this.#busy = this.#render()
      .catch((error: unknown) => {
        // A missed intermediate edit is not worth failing the reply for: the next one, or the final one, catches up.
        this.opts.logger?.warn({ err: String(error), chatId: this.chatId }, 'streamed edit failed');
      })
      .finally(() => {
        this.#busy = null;
        this.#kick();
      });
  }

  async #render(replyMarkup?: InlineKeyboardMarkup): Promise<void> {
    const text = this.#text;
    this.#shownLength = text.length;
    this.#lastChangeAt = this.#now();
    const chunks = splitHtml(markdownToHtml(text), this.opts.limit ?? TELEGRAM_TEXT_MAX);
    for (const [k, html] of chunks.entries()) {
      const markup = k === chunks.length - 1 ? replyMarkup : undefined;
      const shown = this.#shown[k];
      if (!shown) {
        const sent = await sendRich(this.api, this.chatId, html, { replyMarkup: markup });
        this.#shown.push({ id: sent.messageId, html, plain: sent.plain });
        this.stats.sends++;
      } else if (shown.html !== html || markup) {
        const edited = await editRich(this.api, this.chatId, shown.id, html, {
          replyMarkup: markup,
          plain: shown.plain,
        });
        shown.html = html;
        shown.plain = edited.plain;
        this.stats.edits++;
      }
    }
    this.#lastChangeAt = this.#now();
  }
}

/**
 * "typing…" at once and again every 4.5 s until stopped: Telegram shows the action for 5 s or until the bot
 * sends a message, and a model can take longer than that to produce its first word.
 */
export function keepTyping(api: TChatApi, chatId: number, logger?: Logger): { stop(): void } {
  const send = () =>
    api.sendChatAction(chatId, 'typing').catch((error: unknown) => {
      logger?.debug({ err: String(error), chatId }, 'chat action failed');
    });
  void send();
  const timer = setInterval(send, 4_500);
  return { stop: () => clearInterval(timer) };
}
