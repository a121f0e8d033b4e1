import { randomInt } from 'node:crypto';
import type { CallbackAnswer } from '#sandbox/telegram/types.ts';

export interface PendingCallback {
  id: string;
  botId: number;
  userId: number;
  chatId: number;
  messageId: number;
  data: string;
  createdAt: number;
  answer: CallbackAnswer | undefined;
}

/** Callback queries users created by pressing inline buttons, and the bots' answers. */
export class CallbackStore {
  readonly #byId = new Map<string, PendingCallback>();
  // Telegram's query ids are opaque 64-bit numbers rendered as strings.
  #next = BigInt(randomInt(1, 2 ** 40)) * 1_000_000n;

  create(query: Omit<PendingCallback, 'id' | 'createdAt' | 'answer'>): PendingCallback {
    const id = String(this.#next++);
    const pending: PendingCallback = { ...query, id, createdAt: Date.now(), answer: undefined };
    this.#byId.set(id, pending);
    return pending;
  }

  get(id: string): PendingCallback | undefined {
    return this.#byId.get(id);
  }
}
