import { ApiError } from '../api/api-error.ts';
import { type TTranslate, useT } from '../i18n.ts';

/** A failed load: the server's own localized message when it sent one, else a generic one. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const message = error instanceof ApiError && error.message ? error.message : fallbackMessage(error, t);
  return (
    <main className="page page--centered" data-testid="error">
      <div className="state" role="alert">
        <h1 className="state__title">{t('miniapp-error-title')}</h1>
        <p className="state__body">{message}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        {t('miniapp-error-retry')}
      </button>
    </main>
  );
}

function fallbackMessage(error: unknown, t: TTranslate): string {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR'
    ? t('miniapp-error-network')
    : t('miniapp-error-unexpected');
}
