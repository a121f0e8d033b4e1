import type { Broadcast } from '#core/db/generated/client.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';

export type TProgressAction = 'pause' | 'resume' | 'cancel';

export interface TProgressView {
  text: string;
  /** The buttons the admin gets under the message, in order; the bot renders them. */
  actions: TProgressAction[];
}

const BAR_CELLS = 10;

/** `▓▓▓░░░░░░░`: processed out of total, rounded down so the bar fills only when everything is processed. */
export function progressBar(processed: number, total: number): string {
  const filled = total === 0 ? BAR_CELLS : Math.min(BAR_CELLS, Math.floor((processed / total) * BAR_CELLS));
  return '▓'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

const ACTIONS: Record<Broadcast['status'], TProgressAction[]> = {
  draft: [],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  canceled: [],
  done: [],
};

/** The admin's live progress message: counts, a bar and the buttons that apply now. Telegram HTML. */
export function renderBroadcastProgress(
  translator: Translator,
  lang: TLang,
  broadcast: Pick<Broadcast, 'id' | 'status' | 'total' | 'sent' | 'failed' | 'blocked'>,
): TProgressView {
  const { total, sent, failed, blocked } = broadcast;
  const processed = sent + failed + blocked;
  const text = translator.t(lang, 'broadcast-progress', {
    id: broadcast.id.toString(),
    status: translator.t(lang, `broadcast-status-${broadcast.status}`),
    bar: progressBar(processed, total),
    percent: total === 0 ? 100 : Math.floor((processed / total) * 100),
    sent,
    failed,
    blocked,
    total,
  });
  return { text, actions: ACTIONS[broadcast.status] };
}
