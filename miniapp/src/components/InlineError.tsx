import { useT } from '../i18n.ts';
import { errorMessage } from './error-message.ts';

/** A part of a page that failed to load, with a retry; the rest of the page stays usable. */
export function InlineError({
  error,
  onRetry,
  testId,
}: {
  error: unknown;
  onRetry?: () => void;
  testId: string;
}) {
  const t = useT();
  return (
    <div className="card inline-error" role="alert" data-testid={testId}>
      <p className="inline-error__text">{errorMessage(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('miniapp-error-retry')}
        </button>
      ) : null}
    </div>
  );
}
