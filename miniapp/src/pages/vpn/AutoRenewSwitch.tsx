import { useState } from 'react';
import type { TVpn, TVpnSubscription } from '../../../../server/contracts/vpn.ts';
import { setVpnAutoRenew } from '../../api/vpn.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

/** Renews from the wallet at expiry: the plan chosen before, else a month of the current tier. */
export function AutoRenewSwitch({
  subscription,
  onSaved,
}: {
  subscription: TVpnSubscription;
  onSaved: (vpn: TVpn) => void;
}) {
  const t = useT();
  const { request } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const productId = subscription.autoRenewProduct ?? `vpn-${subscription.tier}-30d`;

  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await setVpnAutoRenew(request, on ? { on, productId } : { on }));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="vpn-auto-renew">
      <label className="vpn-switch">
        <span className="list__main">
          <span className="list__title">{t('miniapp-vpn-auto-renew')}</span>
          <span className="list__hint">
            {t('miniapp-vpn-auto-renew-hint', { plan: t(`product-${productId}`) })}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="vpn-switch__input"
          checked={subscription.autoRenew}
          aria-checked={subscription.autoRenew}
          disabled={busy}
          onChange={(event) => void toggle(event.currentTarget.checked)}
          data-testid="vpn-auto-renew-switch"
        />
      </label>
      {error ? (
        <p className="segmented__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
