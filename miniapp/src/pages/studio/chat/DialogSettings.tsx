import { useState } from 'react';
import {
  DIALOG_TITLE_MAX,
  SYSTEM_PROMPT_MAX,
  type TStudioDialog,
  type TStudioModels,
  type TUpdateDialog,
} from '../../../../../server/contracts/studio.ts';
import { deleteDialog, updateDialog } from '../../../api/studio.ts';
import { errorMessage } from '../../../components/error-message.ts';
import { Page } from '../../../components/Page.tsx';
import { useT } from '../../../i18n.ts';
import { useMe } from '../../../me-context.ts';
import { ModelPicker } from '../ModelPicker.tsx';

type TSettingsProps = {
  dialog: TStudioDialog;
  models: TStudioModels | null;
  onBack: () => void;
  onSaved: (dialog: TStudioDialog) => void;
  onDeleted: () => void;
};

/** A dialog's name, model (with prices), history switch and system prompt; and deleting it. */
export function DialogSettings({ dialog, models, onBack, onSaved, onDeleted }: TSettingsProps) {
  const t = useT();
  const { request } = useMe();
  const [title, setTitle] = useState(dialog.title);
  const [prompt, setPrompt] = useState(dialog.systemPrompt ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = async (change: TUpdateDialog) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateDialog(request, dialog.id, change));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await deleteDialog(request, dialog.id);
      onDeleted();
    } catch (e) {
      setError(errorMessage(e, t));
      setBusy(false);
    }
  };
  const textModels = models?.models.filter((m) => m.kind === 'text') ?? [];

  return (
    <Page back title={t('miniapp-studio-dialog-settings')} onBack={onBack}>
      {error ? (
        <p className="card studio-error" role="alert" data-testid="dialog-settings-error">
          {error}
        </p>
      ) : null}
      <form
        className="card studio-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) void save({ title });
        }}
      >
        <label className="studio-label" htmlFor="dialog-title">
          {t('miniapp-studio-dialog-name')}
        </label>
        <div className="studio-inline">
          <input
            id="dialog-title"
            className="studio-input"
            value={title}
            maxLength={DIALOG_TITLE_MAX}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="dialog-title-input"
          />
          <button
            type="submit"
            className="button"
            disabled={busy || !title.trim() || title === dialog.title}
            data-testid="dialog-rename"
          >
            {t('miniapp-studio-save')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="dialog-model-title">
        <h2 className="section__title" id="dialog-model-title">
          {t('miniapp-studio-dialog-model')}
        </h2>
        <ModelPicker
          models={textModels}
          value={dialog.modelId}
          onChange={(modelId) => void save({ modelId })}
          disabled={busy}
          priceKey="miniapp-studio-price-per-message"
          testId="dialog-model"
        />
      </section>

      <section className="card">
        <label className="studio-switch" data-testid="dialog-history">
          <input
            type="checkbox"
            checked={dialog.historyEnabled}
            disabled={busy}
            onChange={(event) => void save({ historyEnabled: event.target.checked })}
            data-testid="dialog-history-input"
          />
          <span>
            <span className="list__title">{t('miniapp-studio-history')}</span>
            <span className="list__hint">
              {dialog.historyEnabled ? t('miniapp-studio-history-on') : t('miniapp-studio-history-off')}
            </span>
          </span>
        </label>
      </section>

      <form
        className="card studio-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ systemPrompt: prompt.trim() ? prompt : null });
        }}
      >
        <label className="studio-label" htmlFor="dialog-prompt">
          {t('miniapp-studio-system-prompt')}
        </label>
        <p className="muted studio-help">{t('miniapp-studio-system-prompt-hint')}</p>
        <textarea
          id="dialog-prompt"
          className="studio-input studio-textarea"
          rows={4}
          value={prompt}
          maxLength={SYSTEM_PROMPT_MAX}
          onChange={(event) => setPrompt(event.target.value)}
          data-testid="dialog-prompt-input"
        />
        <button
          type="submit"
          className="button button--wide"
          disabled={busy || prompt === (dialog.systemPrompt ?? '')}
          data-testid="dialog-prompt-save"
        >
          {prompt.trim() ? t('miniapp-studio-save') : t('miniapp-studio-system-prompt-clear')}
        </button>
      </form>

      {confirmDelete ? (
        <div className="card studio-confirm" data-testid="dialog-delete-confirm">
          <p>
            {t('miniapp-studio-dialog-delete-confirm', {
              title: dialog.title || t('miniapp-studio-dialog-untitled'),
            })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmDelete(false)}
            >
              {t('miniapp-studio-cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void remove()}
              data-testid="dialog-delete-yes"
            >
              {t('miniapp-studio-dialog-delete-yes')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary button--wide studio-danger-text"
          onClick={() => setConfirmDelete(true)}
          data-testid="dialog-delete"
        >
          {t('miniapp-studio-dialog-delete')}
        </button>
      )}
    </Page>
  );
}
