import { closeMiniApp } from '@telegram-apps/sdk-react';
import { useT } from '../i18n.ts';
import { BlockedIcon } from './icons.tsx';

/**
 * A banned account: the reason staff gave and the way to appeal, /support in the bot's chat (the one thing
 * the bot still takes from a banned user). No "Try again": every call is refused until the ban is lifted.
 */
export function BannedScreen({ reason }: { reason: string }) {
  const t = useT();
  return (
    <main className="page page--centered" data-testid="banned">
      <div className="state" role="alert">
        <div className="state__icon state__icon--danger">
          <BlockedIcon />
        </div>
        <h1 className="state__title">{t('miniapp-ban-title')}</h1>
        {reason && (
          <p className="state__body state__body--strong" data-testid="banned-reason">
            {t('miniapp-ban-reason', { reason })}
          </p>
        )}
        <p className="state__body state__body--spaced">{t('miniapp-ban-appeal')}</p>
      </div>
      {closeMiniApp.isAvailable() && (
        <button type="button" className="button" onClick={() => closeMiniApp()}>
          {t('miniapp-ban-back')}
        </button>
      )}
    </main>
  );
}
