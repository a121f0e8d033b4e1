import { useState } from 'react';
import type { TStudioDialog } from '../../../../../server/contracts/studio.ts';
import { errorMessage } from '../../../components/error-message.ts';
import { formatDateTime } from '../../../format-date.ts';
import { useLanguage, useT } from '../../../i18n.ts';

type TDialogListProps = {
  dialogs: readonly TStudioDialog[];
  onOpen: (dialog: TStudioDialog) => void;
  onNew: () => Promise<void>;
};

/** The user's dialogs, the ones the bot has too, most recently used first. */
export function DialogList({ dialogs, onOpen, onNew }: TDialogListProps) {
  const t = useT();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await onNew();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--wide"
        disabled={busy}
        onClick={() => void create()}
        data-testid="dialogs-new"
      >
        {t('miniapp-studio-dialog-new')}
      </button>
      {error ? (
        <p className="card studio-error" role="alert">
          {error}
        </p>
      ) : null}
      {dialogs.length === 0 ? (
        <p className="card muted" data-testid="dialogs-empty">
          {t('miniapp-studio-dialogs-empty')}
        </p>
      ) : (
        <ul className="tiles" data-testid="dialogs-list">
          {dialogs.map((dialog) => (
            <li key={dialog.id}>
              <button type="button" className="tile" onClick={() => onOpen(dialog)} data-testid="dialog-row">
                <span className="tile__text">
                  <span className="tile__title">
                    {dialog.title || t('miniapp-studio-dialog-untitled')}
                    {dialog.active ? (
                      <span className="badge badge--ok studio-badge">
                        {t('miniapp-studio-dialog-active')}
                      </span>
                    ) : null}
                  </span>
                  <span className="tile__hint">
                    {t('miniapp-studio-dialog-row', { model: dialog.modelName, count: dialog.messageCount })}
                    {' · '}
                    {formatDateTime(dialog.updatedAt, language)}
                  </span>
                </span>
                <span className="tile__chevron" aria-hidden="true">
                  ›
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
