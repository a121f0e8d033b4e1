import type { TelegramServerEvent } from '#sandbox/telegram/types.ts';

export type EventListener = (event: TelegramServerEvent, seq: number) => void;

/** Fan-out of server events to the SSE stream and in-process observers, numbered in order. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  #seq = 0;

  emit(event: TelegramServerEvent): void {
    const seq = ++this.#seq;
    for (const listener of this.#listeners) listener(event, seq);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
