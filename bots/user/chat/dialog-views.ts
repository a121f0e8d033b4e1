import { InlineKeyboard } from 'grammy';
import { escapeHtml } from '#bots/shared/format.ts';
import type { TDialogSummary } from '#core/ai/dialogs/list-dialogs.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { TAdminModel } from '#core/ai/models/list-models.ts';
import type { Dialog } from '#core/db/generated/client.ts';
import type { TLang, TTranslateArgs } from '#core/i18n/translator.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { DIALOG_LIST, DIALOG_NEW, dialogAction, dialogHistory, dialogModel } from './chat-callbacks.ts';

export type TTr = (key: string, args?: TTranslateArgs) => string;
export interface TView {
  text: string;
  keyboard: InlineKeyboard;
}

const PROMPT_PREVIEW_CHARS = 300;
/** Inline buttons show about this much on a phone; a longer title is cut with an ellipsis. */
const BUTTON_TITLE_CHARS = 32;

export const dialogTitle = (tr: TTr, dialog: Dialog) => dialog.title || tr('dialogs-untitled');
export const modelName = (modelId: string) => findCatalogModel(modelId)?.displayName ?? modelId;

const cut = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** `/dialogs`: every dialog with its model and size, the active one marked; a button opens each. */
export function dialogListView(tr: TTr, dialogs: readonly TDialogSummary[]): TView {
  const keyboard = new InlineKeyboard();
  if (dialogs.length === 0) {
    keyboard.text(tr('dialogs-new-button'), DIALOG_NEW);
    return { text: `${tr('dialogs-title')}\n\n${tr('dialogs-empty')}`, keyboard };
  }
  const lines = dialogs.map(({ dialog, messageCount, active }) => {
    const line = tr('dialogs-line', {
      title: escapeHtml(dialogTitle(tr, dialog)),
      model: modelName(dialog.modelId),
      count: messageCount,
    });
    return `${active ? '✅' : '▫️'} ${active ? `<b>${line}</b>` : line}`;
  });
  for (const { dialog, active } of dialogs) {
    const label = `${active ? '✅ ' : ''}${cut(dialogTitle(tr, dialog), BUTTON_TITLE_CHARS)}`;
    keyboard.text(label, dialogAction.encode({ op: 'open', id: dialog.id.toString() })).row();
  }
  keyboard.text(tr('dialogs-new-button'), DIALOG_NEW);
  return { text: [tr('dialogs-title'), tr('dialogs-explain'), '', ...lines].join('\n'), keyboard };
}

/** One dialog: model and price, history, system prompt, size; buttons for everything that can change. */
export function dialogCardView(
  tr: TTr,
  lang: TLang,
  input: { dialog: Dialog; active: boolean; messageCount: number; price: bigint | null },
): TView {
  const { dialog } = input;
  const id = dialog.id.toString();
  const lines = [tr('dialogs-card-title', { title: escapeHtml(dialogTitle(tr, dialog)) })];
  if (input.active) lines.push(tr('dialogs-card-active'));
  lines.push(
    tr('dialogs-card-model', {
      model: modelName(dialog.modelId),
      price: input.price === null ? '—' : formatTokens(input.price, lang),
    }),
    tr(dialog.historyEnabled ? 'dialogs-card-history-on' : 'dialogs-card-history-off'),
    dialog.systemPrompt
      ? tr('dialogs-card-prompt', { prompt: escapeHtml(cut(dialog.systemPrompt, PROMPT_PREVIEW_CHARS)) })
      : tr('dialogs-card-no-prompt'),
    tr('dialogs-card-count', { count: input.messageCount }),
  );
  const keyboard = new InlineKeyboard();
  if (!input.active) keyboard.text(tr('dialogs-use-button'), dialogAction.encode({ op: 'use', id })).row();
  keyboard
    .text(tr('dialogs-model-button'), dialogAction.encode({ op: 'models', id }))
    .text(
      tr(dialog.historyEnabled ? 'dialogs-history-on-button' : 'dialogs-history-off-button'),
      dialogHistory.encode({ id, on: dialog.historyEnabled ? '0' : '1' }),
    )
    .row()
    .text(tr('dialogs-prompt-button'), dialogAction.encode({ op: 'prompt', id }));
  if (dialog.systemPrompt)
    keyboard.text(tr('dialogs-prompt-clear-button'), dialogAction.encode({ op: 'prompt-clear', id }));
  keyboard
    .row()
    .text(tr('dialogs-rename-button'), dialogAction.encode({ op: 'rename', id }))
    .text(tr('dialogs-delete-button'), dialogAction.encode({ op: 'delete', id }))
    .row()
    .text(tr('dialogs-back-button'), DIALOG_LIST);
  return { text: lines.join('\n'), keyboard };
}

/** The text models on offer, each with its live price per message; the dialog's own is ticked. */
export function modelPickerView(tr: TTr, lang: TLang, dialog: Dialog, models: readonly TAdminModel[]): TView {
  const keyboard = new InlineKeyboard();
  const id = dialog.id.toString();
  for (const model of models) {
    const label = tr('dialogs-model-line', {
      model: model.displayName,
      price: formatTokens(model.tokenPrice, lang),
    });
    keyboard
      .text(`${model.id === dialog.modelId ? '✓ ' : ''}${label}`, dialogModel.encode({ id, model: model.id }))
      .row();
  }
  keyboard.text(tr('dialogs-back-button'), dialogAction.encode({ op: 'open', id }));
  return { text: tr('dialogs-pick-model', { title: escapeHtml(dialogTitle(tr, dialog)) }), keyboard };
}

export function deleteConfirmView(tr: TTr, dialog: Dialog): TView {
  const id = dialog.id.toString();
  return {
    text: tr('dialogs-delete-confirm', { title: escapeHtml(dialogTitle(tr, dialog)) }),
    keyboard: new InlineKeyboard()
      .text(tr('dialogs-delete-yes'), dialogAction.encode({ op: 'delete-ok', id }))
      .text(tr('dialogs-delete-no'), dialogAction.encode({ op: 'open', id })),
  };
}
