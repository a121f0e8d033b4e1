import type { ChatMessage } from '#sandbox/telegram/types.ts';

/** Returns why a reply is wrong for this user, or null when it is the expected one. */
export type TReplyCheck = (message: ChatMessage, userId: number) => string | null;

interface TPending {
  sentAt: number;
  resolve(latencyMs: number): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Pairs each command with the bot's reply in the same chat. The load driver keeps at most one command per
 * chat in flight, so "the next bot message in this chat" is unambiguous: a reply arriving while nothing is
 * pending is a duplicate (or a stray) and is recorded as a violation instead of being silently ignored.
 */
export class ReplyTracker {
  readonly #token: string;
  readonly #check: TReplyCheck;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, TPending>();
  readonly violations: string[] = [];
  replies = 0;

  constructor(opts: { token: string; check: TReplyCheck; timeoutMs: number }) {
    this.#token = opts.token;
    this.#check = opts.check;
    this.#timeoutMs = opts.timeoutMs;
  }

  /** Call right before sending: the reply may arrive before the send request itself returns. */
  expect(chatId: number, sentAt: number): Promise<number> {
    if (this.#pending.has(chatId)) throw new Error(`bench bug: two commands in flight in chat ${chatId}`);
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(chatId);
        reject(new Error(`no reply in chat ${chatId} within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#pending.set(chatId, { sentAt, resolve, reject, timer });
    });
  }

  onReply(token: string, message: ChatMessage, at: number): void {
    if (token !== this.#token) return;
    this.replies++;
    const pending = this.#pending.get(message.chat_id);
    if (!pending) {
      this.violations.push(`unexpected reply in chat ${message.chat_id}: ${JSON.stringify(message.text)}`);
      return;
    }
    this.#pending.delete(message.chat_id);
    clearTimeout(pending.timer);
    const wrong = this.#check(message, message.chat_id);
    if (wrong) pending.reject(new Error(`wrong reply in chat ${message.chat_id}: ${wrong}`));
    else pending.resolve(at - pending.sentAt);
  }

  /** Fails everything still waiting, so a failed run ends now instead of after every timeout. */
  abandon(reason: string): void {
    for (const [chatId, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`chat ${chatId}: ${reason}`));
    }
    this.#pending.clear();
  }
}
