import { useState } from 'react';
import type { TVpnDevice, TVpnDevices } from '../../../../server/contracts/vpn.ts';
import { useLoad } from '../../api/use-load.ts';
import { getVpnDevices, removeVpnDevice } from '../../api/vpn.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { InlineError } from '../../components/InlineError.tsx';
import { formatDate } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

type TRemoval = { hwid: string; busy: boolean; error: string | null } | null;

/** The devices the panel saw use the link, "N of M", each removable after a second tap. */
export function DevicesSection() {
  const t = useT();
  const language = useLanguage();
  const { request } = useMe();
  const loaded = useLoad(getVpnDevices);
  const [fresh, setFresh] = useState<TVpnDevices | null>(null);
  const [removal, setRemoval] = useState<TRemoval>(null);

  if (loaded.status === 'loading') return <CardSkeleton lines={2} />;
  if (loaded.status === 'failed')
    return <InlineError error={loaded.error} onRetry={loaded.reload} testId="vpn-devices-error" />;
  const data = fresh ?? loaded.data;

  const remove = async (hwid: string) => {
    setRemoval({ hwid, busy: true, error: null });
    try {
      setFresh(await removeVpnDevice(request, hwid));
      setRemoval(null);
    } catch (error) {
      setRemoval({ hwid, busy: false, error: errorMessage(error, t) });
    }
  };

  const name = (device: TVpnDevice) => device.model ?? device.platform ?? t('miniapp-vpn-device-unknown');

  return (
    <section className="card" aria-labelledby="vpn-devices-title" data-testid="vpn-devices">
      <h2 className="section__title" id="vpn-devices-title">
        {t('miniapp-vpn-devices-title')}{' '}
        <span className="muted" data-testid="vpn-devices-count">
          {t('miniapp-vpn-devices-count', { count: data.devices.length, limit: data.limit })}
        </span>
      </h2>
      {data.devices.length === 0 ? <p className="muted">{t('miniapp-vpn-devices-empty')}</p> : null}
      <ul className="list">
        {data.devices.map((device) => (
          <li key={device.hwid} className="list__row" data-testid="vpn-device">
            <span className="list__main">
              <span className="list__title">{name(device)}</span>
              <span className="list__hint">
                {t('miniapp-vpn-device-added', { date: formatDate(device.addedAt, language) })}
              </span>
            </span>
            {removal?.hwid === device.hwid ? (
              <span className="vpn-app__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setRemoval(null)}
                  disabled={removal.busy}
                >
                  {t('miniapp-vpn-cancel')}
                </button>
                <button
                  type="button"
                  className="button vpn-danger"
                  onClick={() => void remove(device.hwid)}
                  disabled={removal.busy}
                  data-testid="vpn-device-remove-yes"
                >
                  {t('miniapp-vpn-device-remove-yes')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setRemoval({ hwid: device.hwid, busy: false, error: null })}
                data-testid="vpn-device-remove"
              >
                {t('miniapp-vpn-device-remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {removal?.error ? (
        <p className="segmented__error" role="alert">
          {removal.error}
        </p>
      ) : null}
      <p className="muted">{t('miniapp-vpn-devices-hint')}</p>
    </section>
  );
}
