import { useT } from '../i18n.ts';
import { PaperPlaneIcon } from './icons.tsx';

/** Shown when Telegram did not vouch for the session: opened in a browser, or initData forged or stale. */
export function OpenFromTelegramScreen() {
  const t = useT();
  return (
    <main className="page page--centered" data-testid="open-from-telegram">
      <div className="state" role="alert">
        <div className="state__icon">
          <PaperPlaneIcon />
        </div>
        <h1 className="state__title">{t('miniapp-auth-title')}</h1>
        <p className="state__body">{t('miniapp-auth-body')}</p>
      </div>
    </main>
  );
}
