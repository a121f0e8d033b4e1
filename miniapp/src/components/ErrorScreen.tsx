import { useT } from '../i18n.ts';
import { errorMessage } from './error-message.ts';

/** A failed load: the server's own localized message when it sent one, else a generic one. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <main className="page page--centered" data-testid="error">
      <div className="state" role="alert">
        <h1 className="state__title">{t('miniapp-error-title')}</h1>
        <p className="state__body">{errorMessage(error, t)}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        {t('miniapp-error-retry')}
      </button>
    </main>
  );
}
