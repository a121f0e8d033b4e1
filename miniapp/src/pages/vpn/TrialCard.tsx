import { useState } from 'react';
import type { TVpn } from '../../../../server/contracts/vpn.ts';
import { startVpnTrial } from '../../api/vpn.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

/** The free trial, offered while the user may still take it. */
export function TrialCard({ onStarted }: { onStarted: (vpn: TVpn) => void }) {
  const t = useT();
  const { request } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      onStarted(await startVpnTrial(request));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card state-card" data-testid="vpn-trial">
      <h2 className="state-card__title">{t('miniapp-vpn-trial-title')}</h2>
      <p className="muted">{t('miniapp-vpn-trial-body')}</p>
      <button
        type="button"
        className="button button--wide"
        onClick={() => void start()}
        disabled={busy}
        data-testid="vpn-trial-start"
      >
        {t('miniapp-vpn-trial-start')}
      </button>
      {error ? (
        <p className="segmented__error" role="alert" data-testid="vpn-trial-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
