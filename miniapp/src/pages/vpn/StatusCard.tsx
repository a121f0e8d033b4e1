import type { TVpnSubscription } from '../../../../server/contracts/vpn.ts';
import { formatDate } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { formatTraffic } from './format-traffic.ts';
import { TrafficGauge } from './TrafficGauge.tsx';

/** The subscription at a glance: tier, state, traffic ring, days left and the date it ends. */
export function StatusCard({ subscription }: { subscription: TVpnSubscription }) {
  const t = useT();
  const language = useLanguage();
  const { state, tier, ready } = subscription;
  const settingUp = state === 'active' && !ready;
  const unlimited = subscription.trafficLimitBytes === '0';

  return (
    <section className="card vpn-status" aria-labelledby="vpn-status-title" data-testid="vpn-status">
      <div className="vpn-status__head">
        <h2 className="section__title" id="vpn-status-title">
          {t('miniapp-vpn-status-title')}
        </h2>
        <span className={`badge vpn-tier vpn-tier--${tier}`} data-testid="vpn-tier">
          {t('miniapp-vpn-tier', { tier })}
        </span>
        <span
          className={state === 'active' && ready ? 'badge badge--ok' : 'badge'}
          data-testid="vpn-state"
          data-state={settingUp ? 'setting-up' : state}
        >
          {t('miniapp-vpn-state', { state: settingUp ? 'setting-up' : state })}
        </span>
      </div>
      {settingUp ? (
        <p className="vpn-status__setup" role="status" data-testid="vpn-setting-up">
          <span className="spinner" aria-hidden="true" /> {t('miniapp-vpn-setting-up')}
        </p>
      ) : null}
      {state === 'disabled' ? <p className="muted">{t('miniapp-vpn-disabled-hint')}</p> : null}
      <div className="vpn-status__body">
        <TrafficGauge used={subscription.trafficUsedBytes} limit={subscription.trafficLimitBytes} />
        <dl className="rows vpn-status__rows">
          <div className="row">
            <dt className="row__label">{t('miniapp-vpn-days-left-label')}</dt>
            <dd className="row__value" data-testid="vpn-days-left">
              {t('miniapp-vpn-days-left', { days: subscription.daysLeft })}
            </dd>
          </div>
          <div className="row">
            <dt className="row__label">
              {state === 'expired' ? t('miniapp-vpn-expired-on') : t('miniapp-vpn-expires-on')}
            </dt>
            <dd className="row__value" data-testid="vpn-expires">
              {formatDate(subscription.expiresAt, language)}
            </dd>
          </div>
          <div className="row">
            <dt className="row__label">{t('miniapp-vpn-traffic-title')}</dt>
            <dd className="row__value" data-testid="vpn-traffic-text">
              {unlimited
                ? t('miniapp-vpn-traffic-unlimited-label', {
                    used: formatTraffic(subscription.trafficUsedBytes, language),
                  })
                : t('miniapp-vpn-traffic-label', {
                    used: formatTraffic(subscription.trafficUsedBytes, language),
                    limit: formatTraffic(subscription.trafficLimitBytes, language),
                  })}
            </dd>
          </div>
          <div className="row">
            <dt className="row__label">{t('miniapp-vpn-devices-allowed')}</dt>
            <dd className="row__value">{subscription.deviceLimit}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
