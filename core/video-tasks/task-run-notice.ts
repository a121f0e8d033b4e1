import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest, StoredFile, VideoTask } from '#core/db/generated/client.ts';
import { FILE_TTL_MS } from '#core/files/file-limits.ts';
import { signFileUrl } from '#core/files/signed-url.ts';
import type { Translator } from '#core/i18n/translator.ts';
import { formatTokens } from '#core/money/format-money.ts';
import type { TNotifyButton, TNotifyJob } from '#core/notify/notify-job.ts';
import { taskLink } from './task-link.ts';

export interface TNoticeLinks {
  /** Where the Mini App is served; without it the message has no "open" button. */
  miniAppUrl: string | null;
  /** The app's public origin, which serves signed /files/ downloads; without it no download button. */
  publicUrl: string | null;
  /** core/files/signed-url.ts fileUrlKeyOf(DATA_ENCRYPTION_KEY). */
  fileUrlKey: Buffer;
}

/** Why a run failed, in words; the message around it says that nothing was charged. */
const REASON_KEYS: Record<string, string> = {
  content_refused: 'task-run-failed-rejected',
  timeout: 'task-run-failed-timeout',
};

/**
 * The bot message that ends a run: it names the task (a user may have several running), says what was
 * charged or that nothing was, and opens the task in the Mini App. A delivered video also gets a download
 * link, signed until the file itself expires: the chat keeps the link for as long as the file exists.
 */
export function taskRunNotice(
  deps: { translator: Translator; links: TNoticeLinks },
  input: { task: VideoTask; run: AiRequest; result: StoredFile | null; now?: Date },
): TNotifyJob {
  const { task, run, result } = input;
  const lang = run.language;
  const t = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
  const model = findCatalogModel(run.modelId)?.displayName ?? run.modelId;
  const succeeded = run.status === 'succeeded';
  const text = succeeded
    ? t('task-run-succeeded', { title: task.title, model, price: formatTokens(run.charged, lang) })
    : t('task-run-failed', {
        title: task.title,
        model,
        reason: t(REASON_KEYS[run.errorCode ?? ''] ?? 'task-run-failed-provider'),
      });
  const row: TNotifyButton[] = [];
  if (deps.links.miniAppUrl)
    row.push({ text: t('task-open-button'), webApp: taskLink(deps.links.miniAppUrl, task.id) });
  if (succeeded && result && deps.links.publicUrl) {
    const now = input.now ?? new Date();
    const expiresAt = result.expiresAt ?? new Date(now.getTime() + FILE_TTL_MS);
    const path = signFileUrl(deps.links.fileUrlKey, { fileId: result.id, expiresAt, download: true });
    row.push({ text: t('task-download-button'), url: new URL(path, deps.links.publicUrl).toString() });
  }
  return {
    bot: 'user',
    chatId: run.userId.toString(),
    userId: run.userId.toString(),
    text,
    ...(row.length > 0 && { buttons: [row] }),
  };
}
